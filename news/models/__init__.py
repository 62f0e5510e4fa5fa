"""The news app's models: categories and tags, articles, pinned related news, the review log and revisions."""

# Moving to their own app (comments); imported here until they do.
from ..comments import BlockedWord, Comment, CommentSettings
from .articles import Article
from .categories import Category, Tag, TaggedArticle
from .related import RelatedArticle
from .revisions import ArticleRevision
from .workflow import ArticleEvent

__all__ = [
    "Article",
    "ArticleEvent",
    "ArticleRevision",
    "BlockedWord",
    "Category",
    "Comment",
    "CommentSettings",
    "RelatedArticle",
    "Tag",
    "TaggedArticle",
]
