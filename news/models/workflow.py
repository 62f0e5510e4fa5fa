"""The newsroom's log: who submitted, returned, published or withdrew an article, when, and why.

The model lives here and is imported at the end of ``news.models``; the transitions that write it are in
``news.services``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleEventQuerySet(models.QuerySet):
    def for_article(self, article):
        return self.filter(article=article).select_related("by").order_by("-at", "-id")


class ArticleEvent(models.Model):
    class Action(models.TextChoices):
        SUBMIT = "submit", _("Gửi duyệt")
        RETURN = "return", _("Trả lại")
        PUBLISH = "publish", _("Đăng bài")
        WITHDRAW = "withdraw", _("Gỡ bài")
        RESCHEDULE = "reschedule", _("Đổi giờ đăng")

    article = models.ForeignKey("news.Article", models.CASCADE, related_name="events", verbose_name=_("bài viết"))
    action = models.CharField(_("thao tác"), max_length=20, choices=Action.choices)
    from_status = models.CharField(_("trạng thái trước"), max_length=20)
    to_status = models.CharField(_("trạng thái sau"), max_length=20)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="article_events",
        verbose_name=_("người thực hiện"),
    )
    at = models.DateTimeField(_("thời điểm"), auto_now_add=True, db_index=True)
    note = models.TextField(_("ghi chú, lý do"), blank=True)

    objects = ArticleEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("nhật ký duyệt bài")
        verbose_name_plural = _("nhật ký duyệt bài")

    def __str__(self):
        return f"{self.get_action_display()}: {self.article_id}"
