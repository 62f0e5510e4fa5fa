"""Editorial notes: threaded remarks between a writer and the editors on an article, kept with its history.

Only the admin shows them (to whoever may open the article there); no public page or feed reads this table.
Notes are never edited or deleted: they are the record of the review's conversation.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleNoteQuerySet(models.QuerySet):
    def for_article(self, article):
        """The article's notes, oldest first, with their authors: one query (threads are built in Python)."""
        return self.filter(article=article).select_related("author").order_by("created_at", "id")


class ArticleNote(models.Model):
    article = models.ForeignKey("news.Article", models.CASCADE, related_name="notes", verbose_name=_("bài viết"))
    parent = models.ForeignKey(
        "self", models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("trả lời ghi chú")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("người viết")
    )
    text = models.TextField(_("nội dung"), max_length=4000)
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)

    objects = ArticleNoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ghi chú biên tập")
        verbose_name_plural = _("ghi chú biên tập")

    def __str__(self):
        return self.text[:60]


def threads(notes) -> list[tuple[ArticleNote, int]]:
    """``(note, depth)`` in reading order: each note followed by its replies, depth-first, oldest first."""
    children: dict[int | None, list[ArticleNote]] = {}
    for note in notes:
        children.setdefault(note.parent_id, []).append(note)
    ordered: list[tuple[ArticleNote, int]] = []

    def walk(parent_id, depth):
        for note in children.get(parent_id, []):
            ordered.append((note, depth))
            walk(note.pk, depth + 1)

    walk(None, 0)
    return ordered
