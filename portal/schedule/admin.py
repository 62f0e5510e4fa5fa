from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.uploads.admin_saving import SafeSaveAdminMixin

from .models import ScheduleEntry
from .services import mark_changes


@admin.register(ScheduleEntry)
class ScheduleEntryAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
    list_display = ["day", "start_time", "short_content", "location", "is_published", "adjusted_at"]
    list_display_links = ["day", "short_content"]
    list_filter = ["is_published", "day"]
    date_hierarchy = "day"
    search_fields = ["content", "location", "other_leaders", "attendees", "leaders__name"]
    autocomplete_fields = ["leaders"]
    readonly_fields = ["published_at", "adjusted_at"]
    fields = [
        ("day", "start_time"),
        "leaders",
        "other_leaders",
        "content",
        "location",
        "preparing",
        "attendees",
        "is_published",
        ("published_at", "adjusted_at"),
    ]
    view_on_site = True

    @admin.display(description=_("nội dung"))
    def short_content(self, entry):
        return entry.content[:80]

    def save_model(self, request, obj, form, change):
        was_published = change and ScheduleEntry.objects.filter(pk=obj.pk, is_published=True).exists()
        mark_changes(entry=obj, was_published=was_published, changed=form.changed_data)
        super().save_model(request, obj, form, change)
