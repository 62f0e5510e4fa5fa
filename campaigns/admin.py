from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Campaign, Document, Issuer, Theme


@admin.register(Issuer)
class IssuerAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name"]
    search_fields = ["name", "short_name"]


class ThemeInline(admin.StackedInline):
    model = Theme
    extra = 0
    fields = [("year_start", "year_end", "scope"), "issuer", "title", "slug", "guidance", "description"]
    autocomplete_fields = ["issuer"]
    show_change_link = True


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "title", "issuer", "issued_on", "is_current", "position"]
    list_display_links = ["code", "title"]
    list_editable = ["is_current", "position"]
    list_filter = ["kind", "is_current", "issuer"]
    search_fields = ["code", "title", "summary"]
    autocomplete_fields = ["issuer", "continues"]
    readonly_fields = ["slug"]
    inlines = [ThemeInline]
    fieldsets = [
        (None, {"fields": ["code", "kind", "title", "issuer", "issued_on", "slug"]}),
        (_("Nội dung"), {"fields": ["summary", "document", "continues"]}),
        (_("Hiển thị"), {"fields": ["is_current", "position"]}),
    ]
    view_on_site = True


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "campaign", "year_start", "year_end", "scope", "issuer"]
    list_filter = ["scope", "campaign", "year_start"]
    search_fields = ["title", "campaign__code", "year_start"]
    autocomplete_fields = ["campaign", "issuer"]
    list_select_related = ["campaign", "issuer"]
    view_on_site = True

    def get_search_results(self, request, queryset, search_term):
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return queryset.select_related("campaign"), may_have_duplicates


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["number", "kind", "abstract", "issuer", "issued_on", "campaign"]
    list_filter = ["kind", "campaign", "issuer"]
    search_fields = ["number", "abstract", "signer"]
    autocomplete_fields = ["issuer", "campaign", "theme"]
    list_select_related = ["issuer", "campaign"]
    date_hierarchy = "issued_on"
    readonly_fields = ["slug"]
