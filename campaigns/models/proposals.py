"""Award proposals put to public comment before a high award is proposed (NĐ 98/2023/NĐ-CP, Điều 46).

A notice lists the people and collectives proposed, each with the form of award and the achievement; readers
comment while it is open (at least 10 working days, counted by ``portal.workdays``), and the comments are kept
for the emulation council in the admin.
"""

import datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import unique_slug
from portal.workdays import add_working_days, working_days_between

MIN_WORKING_DAYS = 10
OPEN_CACHE_KEY = "campaigns:open-proposals"
ONE_DAY = datetime.timedelta(days=1)


def window_working_days(opens_on: datetime.date, closes_on: datetime.date) -> int:
    """Working days from ``opens_on`` to ``closes_on``, both counted."""
    return working_days_between(opens_on - ONE_DAY, closes_on)


def earliest_close(opens_on: datetime.date) -> datetime.date:
    """The first closing date that gives the public MIN_WORKING_DAYS working days to comment."""
    return add_working_days(opens_on - ONE_DAY, MIN_WORKING_DAYS)


class AwardProposalQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)

    def open(self, day: datetime.date | None = None):
        """Published notices whose window holds ``day`` (today): the ones readers may comment on."""
        day = day or timezone.localdate()
        return self.public().filter(opens_on__lte=day, closes_on__gte=day)


def cached_open_proposals() -> list[dict]:
    """The notices open today, as plain data for the hub and awards blocks: no query once cached.

    Kept with the day it was read on, so midnight opens and closes windows; any save or deletion drops it (signal).
    """
    today = timezone.localdate()
    cached = cache.get(OPEN_CACHE_KEY)
    if cached is None or cached[0] != today:
        rows = [
            {"title": p.title, "url": p.get_absolute_url(), "opens_on": p.opens_on, "closes_on": p.closes_on,
             "campaign_id": p.campaign_id}
            for p in AwardProposal.objects.open(today).order_by("closes_on", "id")
        ]  # fmt: skip
        cached = (today, rows)
        cache.set(OPEN_CACHE_KEY, cached, 60 * 60)
    return cached[1]


class AwardProposal(models.Model):
    title = models.CharField(
        _("tiêu đề thông báo"),
        max_length=300,
        help_text=_("Ví dụ: Lấy ý kiến về danh sách đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh năm 2026."),
    )
    slug = models.SlugField(_("đường dẫn"), max_length=150, unique=True, blank=True)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="award_proposals",
        verbose_name=_("chương trình, phong trào"),
    )
    notice = models.TextField(_("nội dung thông báo"), help_text=_("Căn cứ, hình thức đề nghị, nơi nhận ý kiến."))
    opens_on = models.DateField(_("ngày bắt đầu lấy ý kiến"))
    closes_on = models.DateField(
        _("ngày kết thúc lấy ý kiến"),
        blank=True,
        help_text=_("Ít nhất 10 ngày làm việc kể cả ngày bắt đầu; để trống: ngày sớm nhất đủ 10 ngày làm việc."),
    )
    is_published = models.BooleanField(_("đăng công khai"), default=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    objects = AwardProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-id"]
        verbose_name = _("lấy ý kiến đề nghị khen thưởng")
        verbose_name_plural = _("lấy ý kiến đề nghị khen thưởng")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(AwardProposal, self.title, max_length=150, instance_pk=self.pk)
        if not self.closes_on and self.opens_on:
            self.closes_on = earliest_close(self.opens_on)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:proposal-detail", kwargs={"slug": self.slug})

    def clean(self):
        if not self.opens_on:
            return
        if not self.closes_on:
            self.closes_on = earliest_close(self.opens_on)
        if window_working_days(self.opens_on, self.closes_on) < MIN_WORKING_DAYS:
            raise ValidationError(
                {
                    "closes_on": _(
                        "Thời gian lấy ý kiến phải ít nhất %(n)s ngày làm việc (không tính thứ Bảy, Chủ nhật, ngày "
                        "lễ). Bắt đầu ngày %(start)s thì kết thúc sớm nhất ngày %(end)s."
                    )
                    % {
                        "n": MIN_WORKING_DAYS,
                        "start": self.opens_on.strftime("%d/%m/%Y"),
                        "end": earliest_close(self.opens_on).strftime("%d/%m/%Y"),
                    }
                }
            )

    @property
    def working_days(self) -> int:
        return window_working_days(self.opens_on, self.closes_on)

    def is_open(self, day: datetime.date | None = None) -> bool:
        day = day or timezone.localdate()
        return self.is_published and self.opens_on <= day <= self.closes_on


class ProposalNominee(models.Model):
    class Kind(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        COLLECTIVE = "collective", _("Tập thể")

    proposal = models.ForeignKey(AwardProposal, models.CASCADE, related_name="nominees", verbose_name=_("thông báo"))
    kind = models.CharField(_("cá nhân / tập thể"), max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    name = models.CharField(_("tên cá nhân, tập thể"), max_length=200)
    position = models.CharField(_("chức vụ, đơn vị"), max_length=250, blank=True)
    award_form = models.CharField(
        _("hình thức khen thưởng đề nghị"), max_length=200, help_text=_("Ví dụ: Bằng khen của Chủ tịch UBND tỉnh.")
    )
    achievement = models.TextField(_("thành tích"))
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("người, tập thể được đề nghị")
        verbose_name_plural = _("danh sách đề nghị")

    def __str__(self):
        return self.name


class ProposalComment(models.Model):
    """A reader's comment on a proposal: for the emulation council, never shown on the site."""

    proposal = models.ForeignKey(AwardProposal, models.CASCADE, related_name="comments", verbose_name=_("thông báo"))
    nominee = models.ForeignKey(
        ProposalNominee,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("góp ý về"),
    )
    name = models.CharField(_("họ và tên"), max_length=80)
    email = models.EmailField(_("thư điện tử"))
    text = models.TextField(_("nội dung góp ý"))
    created_at = models.DateTimeField(_("thời gian gửi"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("góp ý về đề nghị khen thưởng")
        verbose_name_plural = _("góp ý về đề nghị khen thưởng")

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"
