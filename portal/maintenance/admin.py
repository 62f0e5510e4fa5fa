from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import NOTICE_WORKING_DAYS, Maintenance


@admin.register(Maintenance)
class MaintenanceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "message", "announced_from", "is_showing"]
    fields = ["starts_at", "ends_at", "message", "announced_from"]
    readonly_fields = ["announced_from"]
    date_hierarchy = "starts_at"

    @admin.display(description=_("hiện thông báo từ ngày"))
    def announced_from(self, notice):
        return f"{notice.announced_on:%d/%m/%Y}" if notice.pk else _("7 ngày làm việc trước khi bắt đầu")

    @admin.display(description=_("đang hiện trên cổng"), boolean=True)
    def is_showing(self, notice):
        return notice.is_shown(timezone.now())

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.announced_on < timezone.localdate() and obj.starts_at > timezone.now():
            messages.warning(
                request,
                _("Lịch bảo trì này được báo trước chưa đủ %(days)s ngày làm việc: thông báo hiện ngay từ bây giờ.")
                % {"days": NOTICE_WORKING_DAYS},
            )
