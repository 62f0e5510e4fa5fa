"""Questions for staff: overdue first; assign, answer, publish (when the asker agreed)."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.uploads.admin_saving import SafeSaveAdminMixin

from .models import Question, Topic
from .services import record_answer


@admin.register(Topic)
class TopicAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["name", "position", "is_active"]
    list_editable = ["position", "is_active"]
    fields = ["name", "position", "is_active"]


class OverdueFilter(admin.SimpleListFilter):
    title = _("hạn trả lời")
    parameter_name = "qua_han"

    def lookups(self, request, model_admin):
        return [("1", _("Quá hạn"))]

    def queryset(self, request, queryset):
        return queryset.overdue() if self.value() == "1" else queryset


@admin.register(Question)
class QuestionAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["code", "title", "topic", "status", "due_on", "overdue", "assigned_to", "is_published"]
    list_filter = [OverdueFilter, "status", "topic", "is_published"]
    list_select_related = ["topic", "assigned_to"]
    search_fields = ["code", "title", "name", "email"]
    readonly_fields = [
        "code", "created_at", "due_on", "name", "email", "phone", "attachment_link", "allow_publication",
        "answered_at", "answered_by",
    ]  # fmt: skip
    fieldsets = [
        (_("Người gửi"), {"fields": ["code", "created_at", "due_on", "name", "email", "phone", "allow_publication"]}),
        (_("Câu hỏi"), {"fields": ["topic", "title", "text", "attachment_link"]}),
        (_("Xử lý"), {"fields": ["status", "assigned_to", "answer", "answered_at", "answered_by", "is_published"]}),
    ]

    def has_add_permission(self, request):
        return False  # questions come from readers

    def get_ordering(self, request):
        return ["-is_late", "due_on", "id"]  # is_late: annotated by overdue_first(), overdue questions first

    def get_queryset(self, request):
        return self.model._default_manager.overdue_first()  # annotates is_late, which ``ordering`` names

    @admin.display(description=_("Quá hạn"), boolean=True)
    def overdue(self, obj):
        return obj.is_overdue

    @admin.display(description=_("Tệp đính kèm"))
    def attachment_link(self, obj):
        if not obj.attachment:
            return "—"
        url = reverse("questions:attachment", kwargs={"code": obj.code})
        return format_html('<a href="{}" download>{}</a>', url, _("Tải về"))

    def save_model(self, request, obj, form, change):
        record_answer(question=obj, by=request.user)
        super().save_model(request, obj, form, change)
