"""Admin for opinion polls and the site-wide parts (banners, web links, videos), in Vietnamese."""

from django import forms
from django.contrib import admin, messages
from django.core.cache import cache
from django.db import models
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.reports.charts import bar_chart

from . import site_parts
from .polls import Poll, PollChoice
from .site_parts import BannerLink, Video, WebLink


class PollChoiceInline(admin.TabularInline):
    model = PollChoice
    fields = ["text", "position"]
    extra = 3
    min_num = 2
    validate_min = True

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj else 3  # a new poll starts with room for five choices


@admin.register(Poll)
class PollAdmin(admin.ModelAdmin):
    list_display = ["question", "opens_at", "closes_at", "is_active", "vote_count"]
    list_editable = ["is_active"]
    list_filter = ["is_active", "opens_at"]
    search_fields = ["question"]
    inlines = [PollChoiceInline]
    fields = ["question", "opens_at", "closes_at", "is_active", "results_chart"]
    formfield_overrides = {models.CharField: {"widget": forms.TextInput(attrs={"class": "vLargeTextField"})}}
    readonly_fields = ["results_chart"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(n_votes=Count("votes"))

    @admin.display(description=_("Số lượt bình chọn"), ordering="n_votes")
    def vote_count(self, obj):
        return obj.n_votes

    @admin.display(description=_("Kết quả"))
    def results_chart(self, obj):
        if obj.pk is None:
            return "—"
        results, total = obj.results()
        chart = bar_chart(
            [(f"{row['text']} ({row['percent']:.1f}%)".replace(".", ","), row["votes"]) for row in results],
            title=_("Kết quả: %(total)s lượt bình chọn") % {"total": total},
        )
        return format_html('<div style="width: 720px; max-width: 100%">{}</div>', chart)


class SitePartAdmin(admin.ModelAdmin):
    """Order and on/off switch edited right in the list; bulk switches clear the cached block too."""

    list_editable = ["position", "is_active"]
    list_filter = ["is_active"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    actions = ["switch_on", "switch_off"]

    def _switch(self, request, queryset, value: bool):
        count = queryset.update(is_active=value)
        cache.delete(site_parts.CACHE_KEY)  # update() sends no signals
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
