"""What the admin's home page shows each person: their own work, the review queue, what goes live soon, the
comments waiting, and how much was read. Each panel is one bounded query (a slice, a count or a sum).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Max, Q, Sum
from django.utils import timezone

from news.comments.models import Comment
from news.models import Article, ArticleEvent
from news.models.articles import is_reviewer
from news.viewcounts.models import ArticleDailyViews, most_viewed_in

Status = Article.Status
LIMIT = 8  # rows per panel; the panel links to the full list
SCHEDULE_DAYS = 7
COLUMNS = ("id", "title", "status", "published_at", "updated_at", "created_by_id", "category__name")


@dataclass
class Panel:
    rows: list = field(default_factory=list)
    total: int = 0


def _panel(queryset) -> Panel:
    rows = list(queryset[: LIMIT + 1])  # one more than shown tells whether a count is needed
    total = len(rows) if len(rows) <= LIMIT else queryset.count()
    return Panel(rows=rows[:LIMIT], total=total)


def _articles():
    return Article.objects.select_related("category").only(*COLUMNS)


def my_work(user) -> Panel:
    """The writer's drafts and returned articles, last touched first."""
    mine = _articles().filter(created_by_id=user.pk, status__in=[Status.DRAFT, Status.RETURNED])
    return _panel(mine.order_by("-status", "-updated_at"))  # "returned" sorts before "draft"


def waiting_for_review() -> Panel:
    """Articles in review, the longest waiting first, with ``submitted_at`` (their latest submission)."""
    queue = (
        _articles()
        .filter(status=Status.IN_REVIEW)
        .annotate(submitted_at=Max("events__at", filter=Q(events__action=ArticleEvent.Action.SUBMIT)))
        .order_by("submitted_at", "id")
    )
    return _panel(queue)


def scheduled_soon(user) -> Panel:
    """Scheduled to go live within the next week (a writer: their own), soonest first."""
    until = timezone.now() + datetime.timedelta(days=SCHEDULE_DAYS)
    return _panel(_articles().visible_to(user).scheduled().filter(published_at__lte=until).order_by("published_at"))


def comments_waiting() -> Panel:
    pending = Comment.objects.pending().select_related("article").only("id", "name", "created_at", "article__title")
    return _panel(pending.order_by("created_at", "id"))


def readership(user) -> dict:
    """Today's views (of what this person sees) and the week's most read articles."""
    today = timezone.localdate()
    visible = Article.objects.visible_to(user)
    daily = ArticleDailyViews.objects.filter(day=today)
    if not is_reviewer(user):
        daily = daily.filter(article__created_by_id=user.pk)
    today_views = daily.aggregate(total=Sum("views"))["total"] or 0
    return {"today": today_views, "week_top": list(most_viewed_in(visible, 7)[:5])}


def build_dashboard(user) -> dict:
    """The panels ``user`` may see: writers their own work, reviewers the queue, moderators the comments."""
    reviews = user.has_perm("news.review_article")
    panels = {
        "my_work": my_work(user) if user.has_perm("news.add_article") else None,
        "review_queue": waiting_for_review() if reviews else None,
        "scheduled": scheduled_soon(user) if user.has_perm("news.view_article") else None,
        "comments": comments_waiting() if user.has_perm("comments.change_comment") else None,
        "readership": readership(user) if user.has_perm("news.view_article") else None,
        "may_report": user.has_perms(("news.view_article", "campaigns.view_award")),
    }
    return panels
