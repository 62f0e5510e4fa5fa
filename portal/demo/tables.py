"""The models the demo fills, imported in this one place: when a model moves to another app, only these lines change."""

from campaigns.models import Award, Campaign, Contest, Document, Exemplar, GoodModel, Issuer, Theme, Unit
from news.comments.models import BlockedWord, Comment
from news.models import Article, Category, RelatedArticle
from news.viewcounts.models import ArticleDailyViews
from portal.maintenance.models import Maintenance
from portal.polls.models import Poll, PollChoice, PollVote
from portal.ratings.models import Rating
from portal.site_parts.models import BannerLink, Slogan, Video, WebLink
from portal.visitors.models import SiteVisitDay

__all__ = [
    "Article",
    "ArticleDailyViews",
    "Award",
    "BannerLink",
    "BlockedWord",
    "Campaign",
    "Category",
    "Comment",
    "Contest",
    "Document",
    "Exemplar",
    "GoodModel",
    "Issuer",
    "Maintenance",
    "Poll",
    "PollChoice",
    "PollVote",
    "Rating",
    "RelatedArticle",
    "SiteVisitDay",
    "Slogan",
    "Theme",
    "Unit",
    "Video",
    "WebLink",
]
