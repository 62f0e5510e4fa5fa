"""Revisions of an article: after every save through the admin, its fields *and* its links as they were.

Why our own JSON snapshot rather than django-reversion or django-simple-history (both install on Python 3.11 with
Django 5.2): one revision here is one save by one person, holding the article's fields, the ids of everything it
links (campaigns, themes, tags, good models, exemplars, awards, documents) and the ordered pinned related news.
django-simple-history keeps one history table per model (the article, its through tables, the pins), so "what this
person changed in this save" would have to be reassembled from several tables by time; django-reversion stores a
serialized copy of each followed object and would need the existing ``ArticleRevision`` rows converted into its
own ``Version`` rows. Either way the page an editor reads (Vietnamese labels, names instead of ids, local times,
text without HTML tags) is ours to write. Extending the snapshot keeps every existing row where it is: format 2
adds the links; a row written before (no ``"format"`` key) is still shown and restored, and what it never
recorded is left as it is and named to the editor (``news.services.restore_revision``).

``news.services`` records and restores revisions, ``news.revision_diff`` tells two apart, ``news.revisions_admin``
shows the history and asks before restoring.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from .articles import Article
from .related import RelatedArticle

FORMAT = 2  # the "format" key of a snapshot; revisions without it were written before links were kept

# The article's own fields a revision keeps, in the order the history shows them.
FIELDS = (
    "title",
    "slug",
    "lead",
    "body",
    "cover",
    "cover_caption",
    "author_name",
    "source",
    "category",
    "status",
    "published_at",
    "is_featured",
    "allow_comments",
)
# The article's many-to-many links, kept as sorted id lists (old revisions hold tag names instead of ids).
LINKS = ("campaigns", "themes", "tags", "good_models", "exemplars", "awards", "documents")
PINNED = "pinned"  # the related news an editor pinned (RelatedArticle), as an ordered id list


def field_label(name: str) -> str:
    """The Vietnamese name an editor knows a kept field by: the model's ``verbose_name``."""
    if name == PINNED:
        return str(capfirst(RelatedArticle._meta.verbose_name_plural))
    return str(capfirst(Article._meta.get_field(name).verbose_name))


def linked_model(name: str) -> type[models.Model]:
    """The model a link field (or the pins) points to."""
    return Article if name == PINNED else Article._meta.get_field(name).related_model


def _moment(value):
    try:
        return datetime.datetime.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        return value


def same_value(name: str, old, new) -> bool:
    """Whether a kept field holds the same value in two snapshots: a time is the same moment whatever the offset
    it was written with (a save in the admin writes local time, a snapshot of the live article UTC)."""
    if name == "published_at":
        return _moment(old) == _moment(new)
    return old == new


def snapshot(article: Article) -> dict:
    """The kept fields and links of ``article`` as JSON-ready values (ids for related rows)."""
    data = {
        "format": FORMAT,
        "title": article.title,
        "slug": article.slug,
        "lead": article.lead,
        "body": article.body,
        "cover": article.cover.name if article.cover else "",
        "cover_caption": article.cover_caption,
        "author_name": article.author_name,
        "source": article.source,
        "category": article.category_id,
        "status": article.status,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "is_featured": article.is_featured,
        "allow_comments": article.allow_comments,
    }
    for name in LINKS:
        data[name] = sorted(getattr(article, name).all().values_list("pk", flat=True))
    data[PINNED] = list(article.related_links.order_by("position", "id").values_list("related_id", flat=True))
    return data


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
        """Labels of the kept fields that differ from ``other`` (all of them for the first revision).

        A field only one of the two recorded (an old revision kept no links) is not a change anyone made.
        """
        if other is None:
            return [field_label(name) for name in (*FIELDS, *LINKS, PINNED) if name in self.data]
        return [
            field_label(name)
            for name in (*FIELDS, *LINKS, PINNED)
            if name in self.data and name in other.data and not same_value(name, self.data[name], other.data[name])
        ]
