"""The news app's models: categories and tags, articles, pinned related news, the review log and revisions."""

# Moving to their own app (view counting); imported here until it does.
from ..viewcounts import ArticleDailyViews, ArticleViewMark, ViewFlush
from .articles import Article
from .categories import Category, Tag, TaggedArticle
from .related import RelatedArticle
from .revisions import ArticleRevision
from .workflow import ArticleEvent

__all__ = [
    "Article",
    "ArticleDailyViews",
    "ArticleEvent",
    "ArticleRevision",
    "ArticleViewMark",
    "Category",
    "RelatedArticle",
    "Tag",
    "TaggedArticle",
    "ViewFlush",
]
