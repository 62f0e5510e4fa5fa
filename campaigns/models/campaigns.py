"""Campaigns (the Party documents that drive a movement), their themes, issuing bodies and documents."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from portal.text import unique_slug

from ..numbers import Citation, find_citations, number_key
from ..validators import DocumentFileValidator


class Issuer(models.Model):
    """An issuing body ("Bộ Chính trị", "Ban Tuyên giáo Tỉnh ủy"). Bodies get renamed, so this is a record."""

    name = models.CharField(_("tên cơ quan"), max_length=200, unique=True)
    short_name = models.CharField(_("tên viết tắt"), max_length=50, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # A renamed body must still be found by its new name in the document search.
        for document in self.documents.all():
            document.save(update_fields=["search_text"])


class CampaignQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)

    def cited(self, citations: list[Citation]) -> dict[Citation, "Campaign"]:
        """The campaign each citation names, for those that name one: by number however it is written
        ("Chỉ thị 5/CT-TW" finds 05-CT/TW), or by kind and number alone ("Chỉ thị 03") when exactly one campaign
        of that kind has that number.
        """
        if not citations:
            return {}
        by_key: dict[str, Campaign] = {}
        by_kind_and_number: dict[tuple[str, str], list[Campaign]] = {}
        for campaign in self:
            key = number_key(campaign.code)
            if key:
                by_key[key] = campaign
                by_kind_and_number.setdefault((campaign.kind, key.split("-")[0]), []).append(campaign)
        found = {}
        for citation in citations:
            if citation.key:
                campaign = by_key.get(citation.key)
            else:
                candidates = by_kind_and_number.get((citation.kind, citation.number), [])
                campaign = candidates[0] if len(candidates) == 1 else None
            if campaign is not None:
                found[citation] = campaign
        return found

    def named_in(self, text: str) -> list["Campaign"]:
        """The campaigns ``text`` names (see ``cited``), in order of first mention."""
        return list(dict.fromkeys(self.cited(find_citations(text)).values()))

    def by_code(self, code: str) -> "Campaign | None":
        """The campaign whose code is ``code`` however it is typed: "5/ct-tw" finds 05-CT/TW."""
        key = number_key(code)
        return next((campaign for campaign in self if key and number_key(campaign.code) == key), None)


class Campaign(models.Model):
    class Kind(models.TextChoices):
        DIRECTIVE = "chi-thi", _("Chỉ thị")
        CONCLUSION = "ket-luan", _("Kết luận")
        RESOLUTION = "nghi-quyet", _("Nghị quyết")
        EMULATION = "phong-trao", _("Phong trào thi đua")
        PLAN = "ke-hoach", _("Kế hoạch")

    code = models.CharField(_("số hiệu"), max_length=50, unique=True, help_text=_("Ví dụ: 05-CT/TW"))
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    issuer = models.ForeignKey(Issuer, models.PROTECT, related_name="campaigns", verbose_name=_("cơ quan ban hành"))
    issued_on = models.DateField(_("ngày ban hành"))
    title = models.CharField(_("trích yếu"), max_length=300)
    summary = models.TextField(_("tóm tắt"), blank=True)
    document = models.FileField(
        _("văn bản đính kèm (PDF)"),
        upload_to="campaigns/%Y/",
        blank=True,
        validators=[DocumentFileValidator(allowed=("pdf",))],
    )
    is_current = models.BooleanField(_("đang thực hiện"), default=False, db_index=True)
    continues = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="continuations",
        verbose_name=_("tiếp tục văn bản"),
    )
    position = models.PositiveSmallIntegerField(_("thứ tự hiển thị"), default=0)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["position", "-issued_on"]
        verbose_name = _("chương trình, phong trào")
        verbose_name_plural = _("chương trình, phong trào")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Campaign, self.code, max_length=80, instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:campaign-detail", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        """ "Chỉ thị 05-CT/TW": the way articles name it."""
        if self.kind == self.Kind.EMULATION:
            return self.title
        return f"{self.get_kind_display()} {self.code}"

    def theme_for_year(self, year: int):
        return self.themes.covering(year).first()


class ThemeQuerySet(models.QuerySet):
    def covering(self, year: int):
        """Themes in force in ``year``: a yearly theme of that year or a term theme spanning it."""
        return self.filter(year_start__lte=year, year_end__gte=year)

    def current(self):
        return self.covering(timezone.localdate().year)


class Theme(models.Model):
    """A campaign's theme (chuyên đề) for a year or a whole term, at one scope, from one issuer."""

    class Scope(models.TextChoices):
        NATIONAL = "toan-quoc", _("Toàn quốc")
        PROVINCIAL = "tinh", _("Cấp tỉnh")
        DEPARTMENT = "dang-bo", _("Đảng bộ Sở")

    campaign = models.ForeignKey(Campaign, models.CASCADE, related_name="themes", verbose_name=_("chương trình"))
    year_start = models.PositiveSmallIntegerField(_("từ năm"))
    year_end = models.PositiveSmallIntegerField(
        _("đến năm"), blank=True, help_text=_("Để trống nếu chuyên đề của một năm.")
    )
    scope = models.CharField(_("phạm vi"), max_length=20, choices=Scope.choices, default=Scope.NATIONAL)
    issuer = models.ForeignKey(Issuer, models.PROTECT, related_name="themes", verbose_name=_("cơ quan ban hành"))
    title = models.CharField(_("tên chuyên đề"), max_length=400)
    slug = models.SlugField(_("đường dẫn"), max_length=120, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    guidance = models.CharField(
        _("văn bản hướng dẫn"), max_length=300, blank=True, help_text=_("Ví dụ: Hướng dẫn 16-HD/BTGTW, 27/7/2021")
    )
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["-year_start", "scope"]
        verbose_name = _("chuyên đề")
        verbose_name_plural = _("chuyên đề")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "year_start", "scope", "issuer"], name="theme_one_per_campaign_year_scope_issuer"
            ),
            models.UniqueConstraint(fields=["campaign", "slug"], name="theme_unique_slug_per_campaign"),
            models.CheckConstraint(condition=Q(year_end__gte=F("year_start")), name="theme_year_end_after_start"),
        ]
        indexes = [models.Index(fields=["year_start", "year_end"], name="theme_years_idx")]

    def __str__(self):
        return f"{self.years_label} · {self.title}"

    def save(self, *args, **kwargs):
        if self.year_end is None:
            self.year_end = self.year_start
        if not self.slug:
            label = f"{self.years_label} {self.get_scope_display()}"
            self.slug = unique_slug(Theme, label, max_length=120, instance_pk=self.pk, campaign_id=self.campaign_id)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:theme-detail", kwargs={"campaign_slug": self.campaign.slug, "slug": self.slug})

    def short_label(self, length: int = 80) -> str:
        """``str(theme)`` with the title cut at a word and marked "…", for a select that must fit a page."""
        return f"{self.years_label} · {Truncator(self.title).chars(length)}"

    @property
    def years_label(self) -> str:
        if self.year_end and self.year_end != self.year_start:
            return f"{self.year_start}-{self.year_end}"
        return str(self.year_start)

    @property
    def is_term(self) -> bool:
        return bool(self.year_end and self.year_end != self.year_start)
