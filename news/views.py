import datetime

from django.conf import settings
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView, TemplateView

from campaigns.models import Award, Document, Exemplar, GoodModel
from portal.pagination import CappedPaginator, CountedPaginator
from portal.security import allow_style_attributes

from . import article_blocks, counts
from .forms import SearchForm
from .models import Article, Category, Tag
from .related import related_articles
from .search import add_highlights

# The emulation records an article is linked to, shown in a block under it; revoked awards stay out.
EMULATION_PREFETCHES = [
    Prefetch("good_models", queryset=GoodModel.objects.only("id", "name", "slug")),
    Prefetch("exemplars", queryset=Exemplar.objects.only("id", "name", "slug", "kind")),
    Prefetch("awards", queryset=Award.objects.public().for_listing()),
    Prefetch("documents", queryset=Document.objects.select_related("issuer")),
]


PAGE_SIZE = 12


class ArticleListView(ListView):
    """A paginated list of published articles; subclasses narrow it and name it."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    heading = _("Tin mới")

    def get_queryset(self):
        return Article.objects.latest()

    def known_count(self) -> int | None:
        """How many articles the list has, from stored figures; None lets the paginator count them."""
        return counts.published_count()

    def get_paginator(self, queryset, per_page, **kwargs):
        return CountedPaginator(queryset, per_page, count=self.known_count(), **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class CategoryArticleListView(ArticleListView):
    template_name = "news/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category.objects.select_related("parent"), slug=self.kwargs["slug"])
        self.family = self.category.family_ids()
        return Article.objects.latest().filter(category_id__in=self.family)

    def known_count(self):
        return counts.published_count(category_ids=self.family)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, subcategories=self.category.children.all(), **kwargs
        ) | {"heading": self.category.name}


class TagArticleListView(ArticleListView):
    template_name = "news/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.latest().filter(tagged_items__tag=self.tag)

    def get_paginator(self, queryset, per_page, **kwargs):
        # A popular tag has tens of thousands of articles: count only as far as a reader can page from here.
        return CappedPaginator(queryset, per_page, number=self.request.GET.get(self.page_kwarg), **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs) | {"heading": self.tag.name}


class ArticleDetailView(DetailView):
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("category__parent")
            .prefetch_related("tags", "campaigns", "themes__campaign")
            .with_records_flag()
        )

    def get(self, request, *args, **kwargs):
        """Render the article; the view counter (news.viewcounts' middleware) counts it once the page rendered."""
        self.object = self.get_object()
        if self.object.has_records:  # most articles link no record: no query for them
            prefetch_related_objects([self.object], *EMULATION_PREFETCHES)
        counter = getattr(request, "article_views", None)  # absent only where the middleware is not installed
        shown = counter.shown_count(self.object) if counter else self.object.view_count
        response = self.render_to_response(self.get_context_data(object=self.object, view_count=shown))
        if counter:
            counter.mark_response(response, article=self.object, shown=shown)
        allow_style_attributes(response, self.object.body)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            related_articles=related_articles(self.object), article_blocks=article_blocks.templates(), **kwargs
        )


class SearchView(ListView):
    """Search results ("Tìm kiếm"): ranked, filtered, counted, paginated, matched words marked."""

    template_name = "news/search.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.form = SearchForm(self.request.GET or None)
        self.results = self.form.results()
        return self.results.queryset

    def paginate_queryset(self, queryset, page_size):
        """A page of the ranked ids (found and ranked once), then its articles."""
        ids = self.results.ranked_ids()
        self.more = self.results.count()[1]
        paginator, page, _rows, is_paginated = super().paginate_queryset(ids[: settings.SEARCH_MAX_RESULTS], page_size)
        page.object_list = self.results.rows(list(page.object_list))
        return paginator, page, page.object_list, is_paginated

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, results=self.results, **kwargs)
        context["more_results"] = getattr(self, "more", False)
        add_highlights(list(context["articles"]), self.results.query.text, fuzzy=self.results.fuzzy)
        return context


def _month_bounds(year: int, month: int):
    """The first instant of the month and of the next, in the portal's time zone; 404 outside 1900-9999."""
    if not (1900 <= year <= 9998 and 1 <= month <= 12):
        raise Http404(_("Không có tháng này."))
    start = timezone.make_aware(datetime.datetime(year, month, 1))
    end = timezone.make_aware(datetime.datetime(year + month // 12, month % 12 + 1, 1))
    return start, end


class ArchiveIndexView(TemplateView):
    """ "Lưu trữ": every month that has published articles, newest first, with its count."""

    template_name = "news/archive_index.html"

    def get_context_data(self, **kwargs):
        months = counts.archive_months()
        years: dict[int, list] = {}
        for row in months:
            years.setdefault(row["month"].year, []).append(row)
        return super().get_context_data(years=years.items(), **kwargs)


class ArchiveMonthView(ArticleListView):
    """The articles published in one month ("/luu-tru/2024/05/")."""

    template_name = "news/archive_month.html"

    def get_queryset(self):
        self.start, _end = _month_bounds(self.kwargs["year"], self.kwargs["month"])
        return Article.objects.latest().filter(published_at__gte=self.start, published_at__lt=_end)

    def known_count(self):
        return counts.published_count(month=self.start.date())

    def get_context_data(self, **kwargs):
        heading = _("Lưu trữ tháng %(month)02d/%(year)d") % {"month": self.start.month, "year": self.start.year}
        return super().get_context_data(month=self.start, **kwargs) | {"heading": heading}
