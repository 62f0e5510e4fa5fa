"""The models the demo fills, imported in this one place: when a model moves to another app, only these lines change."""

from campaigns.models import Award, AwardProposal, Campaign, Contest, Document, Exemplar, GoodModel, Issuer, Theme, Unit
from news.comments.models import BlockedWord, Comment
from news.models import Article, Category, RelatedArticle, Tag
from news.viewcounts.models import ArticleDailyViews
from portal.about.models import Introduction, Leader, OrgUnit
from portal.maintenance.models import Maintenance
from portal.polls.models import Poll, PollChoice, PollVote
from portal.privacy.models import PrivacyPolicy
from portal.questions.models import Question, Topic
from portal.ratings.models import Rating
from portal.schedule.models import ScheduleEntry
from portal.site_parts.models import BannerLink, SiteProfile, Slogan, Video, WebLink
from portal.visitors.models import SiteVisitDay

__all__ = [
    "Article",
    "ArticleDailyViews",
    "Award",
    "AwardProposal",
    "BannerLink",
    "BlockedWord",
    "Campaign",
    "Category",
    "Comment",
    "Contest",
    "Document",
    "Exemplar",
    "GoodModel",
    "Introduction",
    "Issuer",
    "Leader",
    "Maintenance",
    "OrgUnit",
    "Poll",
    "PollChoice",
    "PollVote",
    "PrivacyPolicy",
    "Question",
    "Rating",
    "RelatedArticle",
    "ScheduleEntry",
    "SiteProfile",
    "SiteVisitDay",
    "Slogan",
    "Tag",
    "Theme",
    "Topic",
    "Unit",
    "Video",
    "WebLink",
]
