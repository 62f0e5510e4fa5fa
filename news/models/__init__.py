"""The news app's models: categories and tags, articles, pinned related news, the review log and revisions."""

from .articles import Article
from .categories import Category, Tag, TaggedArticle
from .derived import MonthlyCount, StoredRelated
from .related import RelatedArticle
from .revisions import ArticleRevision
from .workflow import ArticleEvent

__all__ = [
    "Article",
    "ArticleEvent",
    "ArticleRevision",
    "Category",
    "MonthlyCount",
    "RelatedArticle",
    "StoredRelated",
    "Tag",
    "TaggedArticle",
]
