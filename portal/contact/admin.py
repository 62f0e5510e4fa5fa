"""Contact messages, newest unhandled first; administrators mark them handled with a note."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import ContactMessage


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "name", "email", "created_at", "is_handled"]
    list_filter = ["is_handled", "created_at"]
    search_fields = ["name", "email", "subject", "message"]
    date_hierarchy = "created_at"
    fields = ["name", "email", "subject", "message", "created_at", "ip_address", "is_handled", "note", "handled_by"]
    readonly_fields = ["name", "email", "subject", "message", "created_at", "ip_address", "handled_by"]
    actions = ["mark_handled"]

    def has_add_permission(self, request):
        return False  # messages come from readers, through "Liên hệ"

    @admin.action(description=_("Đánh dấu đã xử lý"), permissions=["change"])
    def mark_handled(self, request, queryset):
        count = queryset.filter(is_handled=False).update(is_handled=True, handled_by=request.user)
        self.message_user(request, ngettext("Đã xử lý %d thư.", "Đã xử lý %d thư.", count) % count, messages.SUCCESS)

    def save_model(self, request, obj, form, change):
        if "is_handled" in form.changed_data and obj.is_handled:
            obj.handled_by = request.user
        super().save_model(request, obj, form, change)
