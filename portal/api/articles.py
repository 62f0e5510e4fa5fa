"""Articles (published ones only: ``Article.objects.published()``, the portal's one rule) and categories."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from campaigns.models import Award, Campaign, Theme
from news.models import Article, Category

from .paging import DateCampaignFilters, PagePagination, Slug
from .schemas import ArticleDetailOut, ArticleOut, CategoryOut, ErrorOut

router = Router(tags=["Bài viết"])

_CAMPAIGN_SLUGS = Prefetch("campaigns", queryset=Campaign.objects.only("id", "slug"))


class ArticleFilters(DateCampaignFilters):
    category: Slug | None = None


def _articles():
    return (
        Article.objects.published()
        .select_related("category")
        .prefetch_related(_CAMPAIGN_SLUGS)
        .order_by("-published_at", "-id")
    )


@router.get("articles/", response=list[ArticleOut], summary="Bài viết đã đăng, mới nhất trước")
@paginate(PagePagination)
def article_list(request, filters: Query[ArticleFilters]):
    """Ngày lọc là ngày đăng (giờ Việt Nam). ``category`` gồm cả chuyên mục con."""
    articles = filters.apply(_articles(), date="published_at__date", campaign="campaigns")
    if filters.category:
        category = Category.objects.filter(slug=filters.category).first()
        articles = articles.in_category(category) if category else articles.none()
    return articles


@router.get("articles/{slug:slug}/", response={200: ArticleDetailOut, 404: ErrorOut}, summary="Một bài viết")
def article_detail(request, slug: str):
    queryset = _articles().prefetch_related(
        "tags",
        Prefetch("themes", queryset=Theme.objects.select_related("campaign")),
        "documents",
        "good_models",
        "exemplars",
        Prefetch("awards", queryset=Award.objects.public()),
    )
    return get_object_or_404(queryset, slug=slug)


@router.get("categories/", response=list[CategoryOut], summary="Chuyên mục", tags=["Chuyên mục"])
@paginate(PagePagination)
def category_list(request):
    return Category.objects.select_related("parent")


@router.get(
    "categories/{slug:slug}/", response={200: CategoryOut, 404: ErrorOut}, summary="Một chuyên mục", tags=["Chuyên mục"]
)
def category_detail(request, slug: str):
    return get_object_or_404(Category.objects.select_related("parent"), slug=slug)
