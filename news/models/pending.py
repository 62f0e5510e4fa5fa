"""A writer's change to a published article, waiting for an editor: readers keep the live version until approval.

The rules are in ``news.pending``; the admin's side in ``news.pending_admin``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# What a writer may change in a live article: its text. Links, pictures and the address stay the editors'.
PENDING_FIELDS = ("title", "lead", "body", "cover_caption", "author_name", "source")


class PendingEditQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(status=PendingEdit.Status.WAITING)


class PendingEdit(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Không duyệt")

    article = models.ForeignKey(
        "news.Article", models.CASCADE, related_name="pending_edits", verbose_name=_("bài viết")
    )
    data = models.JSONField(_("nội dung sửa"), default=dict)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, related_name="+", verbose_name=_("người sửa")
    )
    created_at = models.DateTimeField(_("gửi lúc"), auto_now=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.WAITING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người duyệt"),
    )
    decided_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    note = models.TextField(_("lý do không duyệt"), blank=True)

    objects = PendingEditQuerySet.as_manager()

    class Meta:
        verbose_name = _("bản sửa chờ duyệt")
        verbose_name_plural = _("bản sửa chờ duyệt")
        constraints = [
            # One waiting change per article: a writer's next save updates it.
            models.UniqueConstraint(
                fields=["article"], condition=models.Q(status="waiting"), name="pending_edit_one_waiting"
            )
        ]

    def __str__(self):
        return f"{self.article_id} ({self.get_status_display()})"
