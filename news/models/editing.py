"""Who is editing an article now, and what a person typed but did not save yet.

``ArticleLock`` marks the one person editing an article (others read, or take over with a confirmation);
``ArticleAutosave`` keeps a person's unsaved form, server side, until they save or discard it. Neither is a
revision: readers and the history never see them. The rules are in ``news.editing``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ArticleLock(models.Model):
    article = models.OneToOneField("news.Article", models.CASCADE, related_name="edit_lock", verbose_name=_("bài viết"))
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("người đang sửa")
    )
    taken_at = models.DateTimeField(_("sửa từ"))
    seen_at = models.DateTimeField(_("còn mở lúc"))
    taken_over_from = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("tiếp quản từ"),
    )

    class Meta:
        verbose_name = _("khóa sửa bài")
        verbose_name_plural = _("khóa sửa bài")

    def __str__(self):
        return f"{self.article_id}: {self.holder_id}"


class ArticleAutosave(models.Model):
    # Empty for an article not saved yet: each person has at most one such copy.
    article = models.ForeignKey(
        "news.Article", models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("bài viết")
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+", verbose_name=_("người viết"))
    data = models.JSONField(_("nội dung đang gõ"), default=dict)
    saved_at = models.DateTimeField(_("lưu tự động lúc"))

    class Meta:
        verbose_name = _("bản lưu tự động")
        verbose_name_plural = _("bản lưu tự động")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="autosave_one_per_article_user"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(article__isnull=True), name="autosave_one_new_per_user"
            ),
        ]

    def __str__(self):
        return f"{self.article_id or '-'}: {self.user_id}"
