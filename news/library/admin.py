"""The picture library in the admin: search, upload with a required description, usage, safe deletion, a picker.

The picker (``chon/``) is the page the article form opens to insert a library picture into the body or make it the
cover (``static/js/library_picker.js`` on the article form, ``library_pick.js`` on the picker).
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.formats import vn_short_datetime
from portal.uploads.admin_saving import SafeSaveAdminMixin
from portal.uploads.renditions import remove_with_renditions, rendition_url

from .models import LibraryImage

PICKER_PAGE_SIZE = 24


@receiver(post_delete, sender=LibraryImage)
def remove_files(instance: LibraryImage, **kwargs):
    """A deleted picture leaves no file behind, nor its copies (after the deletion is committed)."""
    storage, name = instance.file.storage, instance.file.name
    transaction.on_commit(lambda: remove_with_renditions(storage, name))


@admin.register(LibraryImage)
class LibraryImageAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["thumbnail", "title", "author", "uploaded", "usage_count"]
    list_display_links = ["thumbnail", "title"]
    search_fields = ["title", "caption", "author", "alt_text", "keywords"]
    list_filter = ["uploaded_at"]
    list_per_page = 40
    fields = [
        "file",
        "preview",
        "title",
        "alt_text",
        "caption",
        "author",
        "keywords",
        "focal_x",
        "focal_y",
        "usage_list",
        "uploaded_by",
        "uploaded_at",
    ]
    readonly_fields = ["preview", "usage_list", "uploaded_by", "uploaded_at"]
    actions = ["delete_unused"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_usage().select_related("uploaded_by")

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # deleting is only for pictures no article uses
        return actions

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or not obj.articles.exists())

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    @admin.display(description=gettext_lazy("Ảnh"))
    def thumbnail(self, obj):
        return format_html(
            '<img src="{}" alt="" width="96" height="60" style="object-fit:cover" loading="lazy">',
            rendition_url(obj.file, "w320"),
        )

    @admin.display(description=gettext_lazy("Ngày tải lên"), ordering="uploaded_at")
    def uploaded(self, obj):
        return vn_short_datetime(obj.uploaded_at)

    @admin.display(description=gettext_lazy("Đang dùng"), ordering="usage")
    def usage_count(self, obj):
        return _("dùng trong %(n)s bài") % {"n": obj.usage} if obj.usage else _("chưa dùng")

    @admin.display(description=gettext_lazy("Xem trước"))
    def preview(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" style="max-width:min(480px,100%);height:auto">',
            rendition_url(obj.file, "w640"),
            obj.alt_text,
        )

    @admin.display(description=gettext_lazy("Các bài dùng ảnh này"))
    def usage_list(self, obj):
        articles = list(obj.articles.order_by("-published_at")[:20]) if obj.pk else []
        if not articles:
            return _("Chưa bài nào dùng: có thể xóa.")
        rows = ((reverse("admin:news_article_change", args=[a.pk]), a.title) for a in articles)
        return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a></li>', rows))

    @admin.action(description=gettext_lazy("Xóa các ảnh chưa bài nào dùng"), permissions=["delete"])
    def delete_unused(self, request, queryset):
        unused = queryset.filter(articles__isnull=True)
        kept = queryset.count() - unused.count()
        deleted = 0
        for image in unused:  # one by one: each removes its files
            image.delete()
            deleted += 1
        self.message_user(request, _("Đã xóa %(n)s ảnh.") % {"n": deleted}, messages.SUCCESS)
        if kept:
            self.message_user(request, _("Giữ lại %(n)s ảnh đang được bài viết dùng.") % {"n": kept}, messages.WARNING)

    # --- the picker ---------------------------------------------------------------------------------------------
    def get_urls(self):
        return [
            path("chon/", self.admin_site.admin_view(self.picker_view), name="library_libraryimage_picker"),
            *super().get_urls(),
        ]

    def picker_view(self, request):
        """A searchable grid of library pictures; choosing one hands it to the article form that opened this."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        query = request.GET.get("q", "")[:100]
        target = "cover" if request.GET.get("target") == "cover" else "body"
        page = Paginator(LibraryImage.objects.search(query).order_by("-uploaded_at", "-id"), PICKER_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        for image in page:
            image.thumb_url = rendition_url(image.file, "w320")
        context = {
            **self.admin_site.each_context(request),
            "title": _("Chọn ảnh từ thư viện"),
            "opts": self.model._meta,
            "page": page,
            "query": query,
            "target": target,
            "is_popup": True,
        }
        return TemplateResponse(request, "library/picker.html", context)
