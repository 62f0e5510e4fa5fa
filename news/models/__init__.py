"""The news app's models: categories and tags, articles, pinned related news, the review log and revisions."""

from .articles import Article
from .categories import Category, Tag, TaggedArticle
from .derived import MonthlyCount, SitemapPage, StoredRelated
from .editing import ArticleAutosave, ArticleLock
from .featured import FeaturedArticle
from .notes import ArticleNote
from .pending import PendingEdit
from .related import RelatedArticle
from .revisions import ArticleRevision
from .workflow import ArticleEvent

__all__ = [
    "Article",
    "ArticleAutosave",
    "ArticleEvent",
    "ArticleLock",
    "ArticleNote",
    "ArticleRevision",
    "Category",
    "FeaturedArticle",
    "MonthlyCount",
    "PendingEdit",
    "RelatedArticle",
    "SitemapPage",
    "StoredRelated",
    "Tag",
    "TaggedArticle",
]
