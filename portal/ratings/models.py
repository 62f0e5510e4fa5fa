"""A reader's rating of one page: 1 to 5, an optional comment, once per visitor and page."""

from django.db import models
from django.db.models import Avg, Count, Max, Q
from django.utils.translation import gettext_lazy as _

SCORES = range(1, 6)


class RatingQuerySet(models.QuerySet):
    def per_page(self):
        """One row per page, most rated first: ``page``, ``title`` (the latest one seen), ``count``, ``average`` and
        ``score_1`` ... ``score_5`` (how many gave each score). One query."""
        per_score = {f"score_{n}": Count("id", filter=Q(score=n)) for n in SCORES}
        return (
            self.values("page")
            .annotate(title=Max("title"), count=Count("id"), average=Avg("score"), **per_score)
            .order_by("-count", "page")
        )

    def summary(self) -> dict:
        """``count`` and ``average`` of these ratings, in one query."""
        return self.aggregate(count=Count("id"), average=Avg("score"))


class Rating(models.Model):
    page = models.CharField(_("trang"), max_length=300, help_text=_("Đường dẫn của trang được đánh giá."))
    title = models.CharField(_("tiêu đề trang"), max_length=300)
    article = models.ForeignKey(
        "news.Article", models.CASCADE, null=True, blank=True, related_name="ratings", verbose_name=_("bài viết")
    )
    score = models.PositiveSmallIntegerField(_("mức độ hữu ích"), choices=[(n, str(n)) for n in SCORES])
    comment = models.TextField(_("góp ý"), max_length=1000, blank=True)
    visitor_key = models.CharField(_("mã khách"), max_length=32, editable=False)
    created_at = models.DateTimeField(_("thời gian"), auto_now_add=True, db_index=True)

    objects = RatingQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("đánh giá")
        verbose_name_plural = _("đánh giá mức độ hài lòng")
        constraints = [
            models.UniqueConstraint(fields=["page", "visitor_key"], name="rating_once_per_visitor_and_page"),
            models.CheckConstraint(condition=Q(score__gte=1, score__lte=5), name="rating_score_1_to_5"),
        ]

    def __str__(self):
        return f"{self.title}: {self.score}/5"
