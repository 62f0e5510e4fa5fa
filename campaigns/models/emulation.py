"""The emulation movement (phong trào thi đua): units, good models, exemplary people, awards and contests.

Imported by ``campaigns.models`` so that the app registers these models; import them from there.
"""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.text import unique_slug
from portal.uploads.pictures import PictureField


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Unit(models.Model):
    """A unit of the department or a Party cell (chi bộ). Units are renamed and merged, so they are records."""

    class Kind(models.TextChoices):
        PARTY_CELL = "chi-bo", _("Chi bộ")
        DIVISION = "phong", _("Phòng, ban")
        AGENCY = "don-vi", _("Đơn vị trực thuộc")
        ORGANISATION = "doan-the", _("Đoàn thể")

    name = models.CharField(_("tên đơn vị"), max_length=200, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.DIVISION)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("đơn vị, chi bộ")
        verbose_name_plural = _("đơn vị, chi bộ")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Unit, self.name, max_length=120, instance_pk=self.pk)
        super().save(*args, **kwargs)


class GoodModelQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("unit")


class GoodModel(models.Model):
    """A good model or creative way of working (mô hình hay, cách làm sáng tạo)."""

    name = models.CharField(_("tên mô hình"), max_length=250)
    slug = models.SlugField(_("đường dẫn"), max_length=150, unique=True, blank=True)
    unit = models.ForeignKey(
        Unit, models.PROTECT, related_name="good_models", verbose_name=_("đơn vị, chi bộ thực hiện")
    )
    started_on = models.DateField(_("thực hiện từ ngày"))
    summary = models.TextField(_("tóm tắt"))
    results = models.TextField(
        _("kết quả"), blank=True, help_text=_("Kết quả bằng số liệu, ví dụ: 1.900 trường hợp được hỗ trợ.")
    )
    cover = PictureField(_("ảnh đại diện"), upload_to="emulation/models/%Y/", blank=True)
    campaigns = models.ManyToManyField(
        "campaigns.Campaign", blank=True, related_name="good_models", verbose_name=_("chương trình, phong trào")
    )
    themes = models.ManyToManyField(
        "campaigns.Theme", blank=True, related_name="good_models", verbose_name=_("chuyên đề")
    )
    created_at = models.DateTimeField(_("ngày nhập"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    objects = GoodModelQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "name"]
        verbose_name = _("mô hình hay")
        verbose_name_plural = _("mô hình hay, cách làm sáng tạo")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(GoodModel, self.name, max_length=150, instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:goodmodel-detail", kwargs={"slug": self.slug})


class ExemplarQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("unit")


class Exemplar(models.Model):
    """An exemplary collective or individual (gương điển hình tiên tiến)."""

    class Kind(models.TextChoices):
        COLLECTIVE = "tap-the", _("Tập thể")
        INDIVIDUAL = "ca-nhan", _("Cá nhân")

    name = models.CharField(_("tên tập thể, cá nhân"), max_length=200)
    slug = models.SlugField(_("đường dẫn"), max_length=150, unique=True, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.INDIVIDUAL)
    unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="exemplars", verbose_name=_("đơn vị, chi bộ")
    )
    position = models.CharField(_("chức vụ"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("năm được biểu dương"), null=True, blank=True)
    achievements = models.TextField(_("thành tích, việc làm"))
    photo = PictureField(_("ảnh"), upload_to="emulation/exemplars/%Y/", blank=True)
    campaigns = models.ManyToManyField(
        "campaigns.Campaign", blank=True, related_name="exemplars", verbose_name=_("chương trình, phong trào")
    )
    themes = models.ManyToManyField(
        "campaigns.Theme", blank=True, related_name="exemplars", verbose_name=_("chuyên đề")
    )
    created_at = models.DateTimeField(_("ngày nhập"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)

    objects = ExemplarQuerySet.as_manager()

    class Meta:
        ordering = [F("year").desc(nulls_last=True), "name"]  # the same order on SQLite and PostgreSQL
        verbose_name = _("gương điển hình")
        verbose_name_plural = _("gương điển hình")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Exemplar, self.name, max_length=150, instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:exemplar-detail", kwargs={"slug": self.slug})

    @property
    def monogram(self) -> str:
        """What stands in for a missing photo: a person's given name (the last word) initial, a star for a group."""
        if self.kind == self.Kind.COLLECTIVE or not self.name.split():
            return "★"
        return self.name.split()[-1][:1].upper()


class ContestQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("campaign")


class Contest(models.Model):
    """A contest or a review (hội thi, sơ kết, tổng kết); its results are the awards linked to it."""

    class Kind(models.TextChoices):
        CONTEST = "hoi-thi", _("Hội thi")
        INTERIM_REVIEW = "so-ket", _("Sơ kết")
        FINAL_REVIEW = "tong-ket", _("Tổng kết")

    title = models.CharField(_("tên"), max_length=300)
    slug = models.SlugField(_("đường dẫn"), max_length=150, unique=True, blank=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.CONTEST)
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="contests",
        verbose_name=_("chương trình, phong trào"),
    )
    held_on = models.DateField(_("ngày tổ chức"))
    place = models.CharField(_("địa điểm"), max_length=200, blank=True)
    summary = models.TextField(_("nội dung, kết quả chung"), blank=True)

    objects = ContestQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on", "title"]
        verbose_name = _("hội thi, sơ kết, tổng kết")
        verbose_name_plural = _("hội thi, sơ kết, tổng kết")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Contest, self.title, max_length=150, instance_pk=self.pk)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:contest-detail", kwargs={"slug": self.slug})


class AwardQuerySet(models.QuerySet):
    def public(self):
        """What readers may see: every award except revoked ones, which stay on record for the admin."""
        return self.exclude(status=Award.Status.REVOKED)

    def for_listing(self):
        return self.select_related("issuer", "good_model", "exemplar", "unit", "contest")

    def for_unit(self, unit: Unit):
        """Awards to the unit itself, to its good models or to its exemplary people."""
        return self.filter(Q(unit=unit) | Q(good_model__unit=unit) | Q(exemplar__unit=unit))


class Award(models.Model):
    """An award (khen thưởng) to one recipient: a good model, an exemplary collective or individual, or a unit."""

    class Form(models.TextChoices):
        CERTIFICATE_OF_MERIT = "bang-khen", _("Bằng khen")
        CERTIFICATE = "giay-khen", _("Giấy khen")
        PRIZE = "giai-thuong", _("Giải thưởng hội thi")
        EMULATION_FLAG = "co-thi-dua", _("Cờ thi đua")
        TITLE = "danh-hieu", _("Danh hiệu thi đua")

    class Level(models.TextChoices):
        CENTRAL = "trung-uong", _("Trung ương")
        PROVINCE = "tinh", _("Cấp tỉnh")
        BLOC = "khoi", _("Cấp khối, ngành")
        DEPARTMENT = "co-so", _("Cấp Đảng bộ, Sở")

    class Status(models.TextChoices):
        VALID = "hieu-luc", _("Còn hiệu lực")
        REVOKED = "bi-huy", _("Đã hủy bỏ")

    form = models.CharField(_("hình thức"), max_length=20, choices=Form.choices)
    prize = models.CharField(_("giải, danh hiệu"), max_length=120, blank=True, help_text=_("Ví dụ: Giải Nhất"))
    reason = models.TextField(_("nội dung khen thưởng"), blank=True)
    issuer = models.ForeignKey(
        "campaigns.Issuer", models.PROTECT, related_name="awards", verbose_name=_("cấp, cơ quan khen thưởng")
    )
    decision_number = models.CharField(_("số quyết định"), max_length=60)
    decided_on = models.DateField(_("ngày quyết định"))
    level = models.CharField(_("cấp khen thưởng"), max_length=20, choices=Level.choices)
    year = models.PositiveSmallIntegerField(_("năm"), db_index=True)
    good_model = models.ForeignKey(
        GoodModel, models.CASCADE, null=True, blank=True, related_name="awards", verbose_name=_("mô hình")
    )
    exemplar = models.ForeignKey(
        Exemplar, models.CASCADE, null=True, blank=True, related_name="awards", verbose_name=_("tập thể, cá nhân")
    )
    unit = models.ForeignKey(
        Unit, models.PROTECT, null=True, blank=True, related_name="awards", verbose_name=_("đơn vị")
    )
    contest = models.ForeignKey(
        Contest, models.SET_NULL, null=True, blank=True, related_name="awards", verbose_name=_("hội thi")
    )
    campaign = models.ForeignKey(
        "campaigns.Campaign",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("chương trình, phong trào"),
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.VALID)
    revoked_by_number = models.CharField(_("số quyết định hủy bỏ"), max_length=60, blank=True)
    revoked_on = models.DateField(_("ngày hủy bỏ"), null=True, blank=True)
    created_at = models.DateTimeField(_("ngày nhập"), auto_now_add=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "id"]  # a contest's prizes in the order given: first prize first
        verbose_name = _("khen thưởng")
        verbose_name_plural = _("khen thưởng")
        constraints = [
            # Exactly one recipient: a model, an exemplary person or collective, or a unit.
            models.CheckConstraint(
                condition=(
                    Q(good_model__isnull=False, exemplar__isnull=True, unit__isnull=True)
                    | Q(good_model__isnull=True, exemplar__isnull=False, unit__isnull=True)
                    | Q(good_model__isnull=True, exemplar__isnull=True, unit__isnull=False)
                ),
                name="award_exactly_one_recipient",
                violation_error_message=_("Chọn đúng một đối tượng được khen: mô hình, tập thể/cá nhân hoặc đơn vị."),
            ),
            # A revoked award names the decision that revoked it; a valid one has none.
            models.CheckConstraint(
                condition=(
                    Q(status="hieu-luc", revoked_by_number="", revoked_on__isnull=True)
                    | (Q(status="bi-huy", revoked_on__isnull=False) & ~Q(revoked_by_number=""))
                ),
                name="award_revocation_has_decision",
                violation_error_message=_("Khen thưởng đã hủy bỏ phải có số và ngày quyết định hủy bỏ."),
            ),
        ]
        indexes = [models.Index(fields=["status", "-decided_on"], name="award_status_date_idx")]

    def __str__(self):
        return f"{self.title} – {self.recipient}"

    def get_absolute_url(self):
        return reverse("campaigns:award-detail", kwargs={"pk": self.pk})

    @property
    def recipient(self):
        return self.good_model or self.exemplar or self.unit

    @property
    def title(self) -> str:
        """ "Bằng khen của Chủ tịch UBND tỉnh", "Giải Nhất": how the award is named in a list."""
        return self.prize or f"{self.get_form_display()} – {self.issuer.name}"

    @property
    def is_revoked(self) -> bool:
        return self.status == self.Status.REVOKED
