"""The search form: a query and optional filters; whatever a reader types gets an answer, never an error."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from campaigns.models import Campaign, Theme

from .models import Article, Category
from .search import MAX_QUERY_LENGTH, SearchResults, clean_query, find_articles, parse_query


class QueryField(forms.CharField):
    """Free text, cleaned before validation: NUL bytes and other control characters go, long queries are cut."""

    def to_python(self, value):
        return clean_query(super().to_python(value))


class SearchForm(forms.Form):
    q = QueryField(
        label=_("Từ khóa"),
        required=False,
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH, "placeholder": _("Nhập từ khóa…")}),
    )
    category = forms.ModelChoiceField(
        label=_("Chuyên mục"),
        queryset=Category.objects.select_related("parent"),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả chuyên mục"),
    )
    campaign = forms.ModelChoiceField(
        label=_("Chương trình, phong trào"),
        queryset=Campaign.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tất cả chương trình"),
    )
    theme = forms.ModelChoiceField(
        label=_("Chuyên đề"),
        queryset=Theme.objects.select_related("campaign"),
        required=False,
        empty_label=_("Tất cả chuyên đề"),
    )
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        # Years are a fixed range, not a query: the newest first, back to the first campaign on record.
        self.fields["year"].choices = [("", _("Mọi năm")), *((y, y) for y in range(this_year, 2002, -1))]
        self.fields["theme"].label_from_instance = lambda theme: theme.short_label()

    @property
    def query(self) -> str:
        return self.cleaned_data.get("q", "") if hasattr(self, "cleaned_data") else ""

    def results(self) -> SearchResults:
        """Ranked results for the valid part of the form; an invalid filter is reported and left out."""
        if not self.is_bound:
            return SearchResults(parse_query(""), Article.objects.none())
        self.is_valid()
        data = self.cleaned_data
        queryset = Article.objects.published().for_listing()
        if data.get("category"):
            queryset = queryset.in_category(data["category"])
        if data.get("campaign"):
            queryset = queryset.filter(campaigns=data["campaign"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        if data.get("year"):
            start = timezone.make_aware(datetime.datetime(data["year"], 1, 1))
            end = timezone.make_aware(datetime.datetime(data["year"] + 1, 1, 1))
            queryset = queryset.filter(published_at__gte=start, published_at__lt=end)
        return find_articles(queryset, data.get("q", ""))
