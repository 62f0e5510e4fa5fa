"""Staff notifications: what the inbox lists (one row per person told), and which e-mails each person refuses.

Nothing here knows articles or comments: callers (news.services, news.comments, ...) say who is told what, with a
link, through ``portal.notifications.services.notify``.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a notification is about: the inbox's label, and the unit of a person's e-mail choices."""

    SUBMITTED = "submitted", _("Bài gửi duyệt")
    RETURNED = "returned", _("Bài bị trả lại")
    PUBLISHED = "published", _("Bài được đăng")
    SCHEDULED = "scheduled", _("Bài được hẹn giờ đăng")
    WITHDRAWN = "withdrawn", _("Bài bị gỡ")
    NOTE = "note", _("Ghi chú biên tập")
    EDIT_PENDING = "edit_pending", _("Bản sửa bài đang đăng chờ duyệt")
    EDIT_DECIDED = "edit_decided", _("Bản sửa bài đang đăng được duyệt hay không")
    COMMENT = "comment", _("Bình luận chờ duyệt")


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    class Email(models.TextChoices):
        NONE = "", _("Không gửi thư")
        PENDING = "pending", _("Đang chờ gửi thư")
        SENT = "sent", _("Đã gửi thư")
        FAILED = "failed", _("Gửi thư không được")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="notifications", verbose_name=_("người nhận")
    )
    kind = models.CharField(_("loại"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("tiêu đề"), max_length=300)
    body = models.TextField(_("nội dung"), blank=True)
    url = models.CharField(_("liên kết"), max_length=500, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    email = models.CharField(_("thư điện tử"), max_length=10, choices=Email.choices, blank=True, default="")
    email_attempts = models.PositiveSmallIntegerField(_("số lần gửi thư"), default=0)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [
            # The bell's count on every admin page: one index-only lookup per request.
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["recipient", "-created_at"], name="notification_inbox_idx"),
        ]

    def __str__(self):
        return self.title


class EmailOptOut(models.Model):
    """A kind of notification a person does not want by e-mail (the inbox still lists it). Absent: wanted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="email_opt_outs", verbose_name=_("người dùng")
    )
    kind = models.CharField(_("loại"), max_length=30, choices=Kind.choices)

    class Meta:
        verbose_name = _("thư không muốn nhận")
        verbose_name_plural = _("thư không muốn nhận")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="email_opt_out_unique")]

    def __str__(self):
        return f"{self.user_id}: {self.kind}"
