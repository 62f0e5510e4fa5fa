"""The news app's models: categories and tags, articles, pinned related news, the review log and revisions."""

# Moving to their own apps (comments, view counting); imported here until they do.
from ..comments import BlockedWord, Comment, CommentSettings
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
    "BlockedWord",
    "Category",
    "Comment",
    "CommentSettings",
    "RelatedArticle",
    "Tag",
    "TaggedArticle",
    "ViewFlush",
]
