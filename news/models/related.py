"""Related news an editor pins to an article, in order, before the computed ones."""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class RelatedArticle(models.Model):
    """An article an editor pinned under another's "Tin liên quan", in the editor's order."""

    article = models.ForeignKey(
        "news.Article", models.CASCADE, related_name="related_links", verbose_name=_("bài viết")
    )
    related = models.ForeignKey(
        "news.Article", models.CASCADE, related_name="pinned_in", verbose_name=_("bài liên quan")
    )
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("tin liên quan chọn tay")
        verbose_name_plural = _("tin liên quan chọn tay")
        constraints = [
            models.UniqueConstraint(fields=["article", "related"], name="related_article_once"),
            models.CheckConstraint(condition=~Q(article=F("related")), name="related_article_not_itself"),
        ]

    def __str__(self):
        return str(self.related)
