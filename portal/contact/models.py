"""Messages readers send through the "Liên hệ" form."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactMessage(models.Model):
    name = models.CharField(_("họ và tên"), max_length=80)
    email = models.EmailField(_("thư điện tử"))
    subject = models.CharField(_("tiêu đề"), max_length=200)
    message = models.TextField(_("nội dung"))
    created_at = models.DateTimeField(_("thời gian gửi"), auto_now_add=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True, editable=False)
    is_handled = models.BooleanField(_("đã xử lý"), default=False)
    note = models.TextField(_("ghi chú xử lý"), blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("người xử lý"),
    )

    class Meta:
        ordering = ["is_handled", "-created_at", "-id"]
        verbose_name = _("thư liên hệ")
        verbose_name_plural = _("thư liên hệ")

    def __str__(self):
        return f"{self.name}: {self.subject}"
