"""The moderation queue for readers' comments, the blocked words and the site-wide comment switch."""

from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import BlockedWord, Comment, CommentSettings
from .services import approve_comments, reject_comments


class CommentStatusFilter(admin.SimpleListFilter):
    """The list opens on the queue (comments waiting for a decision); other states are one click away."""

    title = _("trạng thái")
    parameter_name = "trang_thai"

    def lookups(self, request, model_admin):
        return [*Comment.Status.choices, ("all", _("Tất cả"))]

    def choices(self, changelist):
        value = self.value() or Comment.Status.PENDING
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request, queryset):
        value = self.value() or Comment.Status.PENDING
        return queryset if value == "all" else queryset.filter(status=value)


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["short_text", "name", "article_link", "status", "created_at", "attachment_link"]
    list_filter = [CommentStatusFilter, "created_at"]
    list_select_related = ["article"]
    search_fields = ["name", "email", "text", "article__title"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject"]
    list_per_page = 50
    fields = [
        "article_link",
        "name",
        "email",
        "text",
        "attachment_link",
        "status",
        "created_at",
        "ip_address",
        "moderated_by",
        "moderated_at",
    ]
    readonly_fields = ["article_link", "attachment_link", "created_at", "ip_address", "moderated_by", "moderated_at"]

    def has_add_permission(self, request):
        return False  # comments come from readers, through the article page

    def changelist_view(self, request, extra_context=None):
        if request.GET.get(CommentStatusFilter.parameter_name, Comment.Status.PENDING) == Comment.Status.PENDING:
            extra_context = {**(extra_context or {}), "title": _("Bình luận chờ duyệt")}
        return super().changelist_view(request, extra_context)

    @admin.display(description=_("Nội dung"))
    def short_text(self, obj):
        return obj.text if len(obj.text) <= 120 else obj.text[:119] + "…"

    @admin.display(description=_("Bài viết"), ordering="article__title")
    def article_link(self, obj):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', obj.article.get_absolute_url(), obj.article
        )

    @admin.display(description=_("Tệp đính kèm"))
    def attachment_link(self, obj):
        if not obj.attachment:
            return "—"
        label = obj.attachment_kind.label if obj.attachment_kind else _("Tệp")
        return format_html('<a href="{}" download>{} ({})</a>', obj.get_attachment_url(), _("Tải về"), label)

    @admin.action(description=_("Duyệt các bình luận đã chọn"), permissions=["change"])
    def approve(self, request, queryset):
        count = approve_comments(comments=queryset, by=request.user)
        self.message_user(
            request, ngettext("Đã duyệt %d bình luận.", "Đã duyệt %d bình luận.", count) % count, messages.SUCCESS
        )

    @admin.action(description=_("Từ chối các bình luận đã chọn"), permissions=["change"])
    def reject(self, request, queryset):
        count = reject_comments(comments=queryset, by=request.user)
        self.message_user(
            request, ngettext("Đã từ chối %d bình luận.", "Đã từ chối %d bình luận.", count) % count, messages.SUCCESS
        )

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            obj.moderated_by = request.user
            obj.moderated_at = timezone.now()
        super().save_model(request, obj, form, change)


@admin.register(BlockedWord)
class BlockedWordAdmin(admin.ModelAdmin):
    list_display = ["word"]
    search_fields = ["word"]


@admin.register(CommentSettings)
class CommentSettingsAdmin(admin.ModelAdmin):
    """One row: the list page goes straight to its form."""

    fields = ["comments_open", "max_length"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        current = CommentSettings.current()
        return redirect(reverse("admin:comments_commentsettings_change", args=[current.pk]))
