"""Admin for opinion polls: the question with its choices inline, and the results as a bar chart."""

from django import forms
from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from portal.reports.charts import bar_chart
from portal.uploads.admin_saving import SafeSaveAdminMixin

from .models import Poll, PollChoice


class PollChoiceInline(admin.TabularInline):
    model = PollChoice
    fields = ["text", "position"]
    extra = 3
    min_num = 2
    validate_min = True

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj else 3  # a new poll starts with room for five choices


@admin.register(Poll)
class PollAdmin(SafeSaveAdminMixin, admin.ModelAdmin):
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
