"""Admin for what surrounds the news: slogans, banner links, web links and videos."""

from django.contrib import admin, messages
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.uploads.admin_saving import SafeSaveAdminMixin

from .models import BannerLink, SiteProfile, Slogan, Video, WebLink, forget_cached_site_parts


@admin.register(Slogan)
class SloganAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["text", "position", "is_active"]
    list_editable = ["position", "is_active"]
    search_fields = ["text"]


class SitePartAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    """Order and on/off switch edited right in the list; bulk switches clear the cached block too."""

    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["switch_on", "switch_off"]

    def _switch(self, request, queryset, value: bool):
        count = queryset.update(is_active=value)
        forget_cached_site_parts()  # update() sends no signals
        self.message_user(request, _("Đã cập nhật %(count)d mục.") % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Hiển thị các mục đã chọn"), permissions=["change"])
    def switch_on(self, request, queryset):
        self._switch(request, queryset, True)

    @admin.action(description=_("Ẩn các mục đã chọn"), permissions=["change"])
    def switch_off(self, request, queryset):
        self._switch(request, queryset, False)


@admin.register(BannerLink)
class BannerLinkAdmin(SitePartAdmin):
    list_display = ["title", "preview", "url", "position", "is_active"]
    fields = ["title", "image", "url", "position", "is_active"]
    search_fields = ["title", "url"]

    @admin.display(description=_("Ảnh"))
    def preview(self, obj):
        return format_html('<img src="{}" alt="" style="max-height:40px">', obj.image.url) if obj.image else "—"


@admin.register(WebLink)
class WebLinkAdmin(SitePartAdmin):
    list_display = ["name", "url", "position", "is_active"]
    fields = ["name", "url", "position", "is_active"]
    search_fields = ["name", "url"]


@admin.register(Video)
class VideoAdmin(SitePartAdmin):
    list_display = ["title", "source", "position", "is_active"]
    fields = ["title", "file", "embed_url", "poster", "position", "is_active"]
    search_fields = ["title"]

    @admin.display(description=_("Nguồn"))
    def source(self, obj):
        return obj.embed_url or (obj.file.name if obj.file else "—")


@admin.register(SiteProfile)
class SiteProfileAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    """One row: the list page goes straight to its form (made on first visit)."""

    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fieldsets = [
        (_("Chân trang"), {"fields": ["owner", "responsible_person", "address", "phone", "fax", "email", "licence"]}),
        (_("Trang Liên hệ"), {"fields": ["portal_official", "portal_official_contact", "map_url", "copyright"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        profile, _created = SiteProfile.objects.get_or_create(pk=1)
        return redirect(reverse("admin:site_parts_siteprofile_change", args=[profile.pk]))
