from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Prefetch, Q, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from campaigns.models import Award, Document, Exemplar, GoodModel

from .models import Article, Category, Tag

# The emulation records an article is linked to, shown in a block under it; revoked awards stay out.
EMULATION_PREFETCHES = [
    Prefetch("good_models", queryset=GoodModel.objects.only("id", "name", "slug")),
    Prefetch("exemplars", queryset=Exemplar.objects.only("id", "name", "slug", "kind")),
    Prefetch("awards", queryset=Award.objects.public().for_listing()),
    Prefetch("documents", queryset=Document.objects.select_related("issuer")),
]


def _has_records() -> ExpressionWrapper:
    """True when the article links any good model, exemplar, award or document (one EXISTS per link table)."""
    links = [Article.good_models, Article.exemplars, Article.awards, Article.documents]
    condition = Q()
    for link in links:
        condition |= Q(Exists(link.through.objects.filter(article_id=OuterRef("pk"))))
    return ExpressionWrapper(condition, output_field=BooleanField())


PAGE_SIZE = 12


class ArticleListView(ListView):
    """A paginated list of published articles; subclasses narrow it and name it."""

    template_name = "news/article_list.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE
    heading = _("Tin mới")

    def get_queryset(self):
        return Article.objects.latest()

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading=self.heading, **kwargs)


class CategoryArticleListView(ArticleListView):
    template_name = "news/category_detail.html"

    def get_queryset(self):
        self.category = get_object_or_404(Category.objects.select_related("parent"), slug=self.kwargs["slug"])
        return Article.objects.latest().in_category(self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, subcategories=self.category.children.all(), **kwargs
        ) | {"heading": self.category.name}


class TagArticleListView(ArticleListView):
    template_name = "news/tag_detail.html"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return Article.objects.latest().filter(tagged_items__tag=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs) | {"heading": self.tag.name}


class ArticleDetailView(DetailView):
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("category__parent")
            .prefetch_related("tags", "campaigns", "themes__campaign")
            .annotate(has_records=_has_records())
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.has_records:  # most articles link no record: no query for them
            prefetch_related_objects([self.object], *EMULATION_PREFETCHES)
        self.object.count_view()
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        related = Article.objects.related_to(self.object)[:6]
        return super().get_context_data(related_articles=related, **kwargs)
