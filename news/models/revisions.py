"""Revisions of an article: every save through the admin keeps the fields as they were after it.

The model lives here and is imported at the end of ``news.models``; ``news.services`` records and restores
revisions, ``news.revision_admin`` shows the history, the difference between two revisions and the restore button.
"""

import difflib

from django.conf import settings
from django.db import models
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

# The fields a revision keeps, with the label the history shows for each.
TRACKED_FIELDS = {
    "title": _("Tiêu đề"),
    "slug": _("Đường dẫn"),
    "lead": _("Sapo"),
    "body": _("Nội dung"),
    "cover": _("Ảnh đại diện"),
    "cover_caption": _("Chú thích ảnh"),
    "author_name": _("Tác giả"),
    "source": _("Nguồn"),
    "category": _("Chuyên mục"),
    "tags": _("Thẻ"),
    "campaigns": _("Chương trình, phong trào"),
    "themes": _("Chuyên đề"),
    "status": _("Trạng thái"),
    "published_at": _("Thời gian đăng"),
    "is_featured": _("Tin nổi bật"),
    "allow_comments": _("Cho phép bình luận"),
}


def snapshot(article) -> dict:
    """The tracked fields of ``article`` as JSON-ready values (ids for relations, names for tags)."""
    return {
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "body": article.body,
        "cover": article.cover.name if article.cover else "",
        "cover_caption": article.cover_caption,
        "author_name": article.author_name,
        "source": article.source,
        "category": article.category_id,
        "tags": sorted(article.tags.names()),
        "campaigns": sorted(article.campaigns.values_list("pk", flat=True)),
        "themes": sorted(article.themes.values_list("pk", flat=True)),
        "status": article.status,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "is_featured": article.is_featured,
        "allow_comments": article.allow_comments,
    }


def _lines(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    text = "" if value is None else str(value)
    # Break HTML after block ends so a diff of the body shows paragraphs, not one long line.
    for end in ("</p>", "</li>", "</h2>", "</h3>", "</h4>", "</figure>", "</tr>", "<br>"):
        text = text.replace(end, end + "\n")
    return text.splitlines() or [""]


class ArticleRevision(models.Model):
    article = models.ForeignKey("news.Article", models.CASCADE, related_name="revisions", verbose_name=_("bài viết"))
    number = models.PositiveIntegerField(_("phiên bản số"))
    data = models.JSONField(_("nội dung phiên bản"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="article_revisions",
        verbose_name=_("người sửa"),
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    comment = models.CharField(_("ghi chú"), max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("phiên bản bài viết")
        verbose_name_plural = _("phiên bản bài viết")
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="article_revision_number_unique")]

    def __str__(self):
        return f"#{self.number}"

    def changed_fields(self, other: "ArticleRevision | None") -> list[str]:
        """Labels of the fields that differ from ``other`` (all of them for the first revision)."""
        before = other.data if other else {}
        return [str(label) for name, label in TRACKED_FIELDS.items() if self.data.get(name) != before.get(name)]

    def diff_html(self, other: "ArticleRevision") -> list[tuple[str, str]]:
        """(field label, HTML table) for each field that differs from ``other``; every value is escaped."""
        table = difflib.HtmlDiff(wrapcolumn=70)
        result = []
        for name, label in TRACKED_FIELDS.items():
            old, new = other.data.get(name), self.data.get(name)
            if old == new:
                continue
            # HtmlDiff escapes "&", "<" and ">" in the lines it shows (a test pins this with a <script> payload);
            # the column headers are ours and escaped here.
            html = table.make_table(
                _lines(old), _lines(new), escape(f"#{other.number}"), escape(f"#{self.number}"), context=True
            )
            result.append((str(label), html))
        return result
