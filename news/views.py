from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from .counting import mark_response, shown_count
from .models import Article, Category, Tag

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
        )

    def get(self, request, *args, **kwargs):
        """Render the article; `counting.ArticleViewMiddleware` counts the view once the page rendered."""
        self.object = self.get_object()
        shown = shown_count(self.object)
        response = self.render_to_response(self.get_context_data(object=self.object, view_count=shown))
        mark_response(response, article=self.object, shown=shown)
        return response

    def get_context_data(self, **kwargs):
        related = Article.objects.related_to(self.object)[:6]
        return super().get_context_data(related_articles=related, **kwargs)
