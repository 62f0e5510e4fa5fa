from django.contrib import admin

from .models import Rating


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    """Readers' ratings, read-only: the figures are theirs (the statistics page sums them up)."""

    list_display = ["title", "score", "comment", "created_at"]
    list_filter = ["score", "created_at"]
    search_fields = ["title", "page", "comment"]
    date_hierarchy = "created_at"
    readonly_fields = ["page", "title", "article", "score", "comment", "created_at"]
    exclude = ["visitor_key"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
