"""Opinion polls ("Thăm dò ý kiến"): the question, its choices and the votes (a vote is cast by polls.services).

One vote per visitor and poll is a database constraint on (poll, voter key), so two votes sent at the same moment
cannot both count; results count vote rows, so they are exact without any counter to update.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PollQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_active=True)

    def open(self):
        now = timezone.now()
        return self.visible().filter(opens_at__lte=now).filter(Q(closes_at__isnull=True) | Q(closes_at__gt=now))

    def current(self):
        """The poll the sidebar shows: the most recently opened of those open now."""
        return self.open().order_by("-opens_at", "-id")


class Poll(models.Model):
    CACHE_KEY = "portal:current-poll"
    CACHE_SECONDS = 300  # a poll that opens or closes on its own is picked up within five minutes

    question = models.CharField(_("câu hỏi"), max_length=300)
    opens_at = models.DateTimeField(_("bắt đầu"), default=timezone.now)
    closes_at = models.DateTimeField(_("kết thúc"), null=True, blank=True, help_text=_("Để trống nếu không hẹn ngày."))
    is_active = models.BooleanField(
        _("hiển thị"), default=True, help_text=_("Cuộc thăm dò đang mở mới nhất được đặt ở cột bên của trang.")
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    objects = PollQuerySet.as_manager()

    class Meta:
        db_table = "portal_poll"
        ordering = ["-opens_at", "-id"]
        verbose_name = _("thăm dò ý kiến")
        verbose_name_plural = _("thăm dò ý kiến")

    def __str__(self):
        return self.question

    def get_absolute_url(self):
        return reverse("polls:detail", kwargs={"pk": self.pk})

    def clean(self):
        if self.closes_at and self.opens_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Thời gian kết thúc phải sau thời gian bắt đầu.")})

    @property
    def is_open(self) -> bool:
        now = timezone.now()
        return self.is_active and self.opens_at <= now and (self.closes_at is None or self.closes_at > now)

    def results(self) -> tuple[list[dict], int]:
        """Each choice with its votes and share in percent, in one query; and the total."""
        choices = list(self.choices.annotate(n_votes=Count("votes")).order_by("position", "id"))
        total = sum(c.n_votes for c in choices)
        rows = [
            {
                "id": c.pk,
                "text": c.text,
                "votes": c.n_votes,
                "percent": round(100 * c.n_votes / total, 1) if total else 0,
            }
            for c in choices
        ]
        return rows, total

    @classmethod
    def cached_current(cls) -> dict | None:
        """The sidebar's poll as plain data (question and choices), cached until a poll or choice changes.

        The only reader of the sidebar's poll: serving several portals later changes only this method.
        """
        cached = cache.get(cls.CACHE_KEY)
        if cached is None:
            poll = cls.objects.current().prefetch_related("choices").first()
            data = None
            if poll is not None:
                data = {
                    "id": poll.pk,
                    "question": poll.question,
                    "url": poll.get_absolute_url(),
                    "vote_url": reverse("polls:vote", kwargs={"pk": poll.pk}),
                    "choices": [{"id": c.pk, "text": c.text} for c in poll.choices.all()],
                }
            timeout = cls.CACHE_SECONDS
            if poll is not None and poll.closes_at:
                timeout = max(1, min(timeout, int((poll.closes_at - timezone.now()).total_seconds())))
            cached = {"poll": data}
            cache.set(cls.CACHE_KEY, cached, timeout)
        return cached["poll"]

    @classmethod
    def forget_cached(cls) -> None:
        cache.delete(cls.CACHE_KEY)


class PollChoice(models.Model):
    poll = models.ForeignKey(Poll, models.CASCADE, related_name="choices", verbose_name=_("cuộc thăm dò"))
    text = models.CharField(_("phương án"), max_length=200)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        db_table = "portal_pollchoice"
        ordering = ["position", "id"]
        verbose_name = _("phương án trả lời")
        verbose_name_plural = _("phương án trả lời")

    def __str__(self):
        return self.text


class PollVote(models.Model):
    """One visitor's vote; the voter key comes from a signed first-party cookie (see polls.views)."""

    poll = models.ForeignKey(Poll, models.CASCADE, related_name="votes", verbose_name=_("cuộc thăm dò"))
    choice = models.ForeignKey(PollChoice, models.CASCADE, related_name="votes", verbose_name=_("phương án"))
    voter_key = models.CharField(_("mã người bình chọn"), max_length=64)
    created_at = models.DateTimeField(_("thời gian"), auto_now_add=True)

    class Meta:
        db_table = "portal_pollvote"
        verbose_name = _("lượt bình chọn")
        verbose_name_plural = _("lượt bình chọn")
        constraints = [models.UniqueConstraint(fields=["poll", "voter_key"], name="poll_vote_once_per_voter")]

    def __str__(self):
        return f"{self.poll_id}: {self.choice_id}"
