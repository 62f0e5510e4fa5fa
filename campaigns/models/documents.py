"""Directing documents (văn bản chỉ đạo) of Decree 42/2022/NĐ-CP: number, kind, issuer, dates, abstract, file."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import fold, unique_slug, vietnamese_slugify

from ..numbers import find_document_numbers, number_key
from ..validators import DocumentFileValidator
from .campaigns import Campaign, Issuer, Theme


class DocumentQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("issuer", "campaign")

    def in_force(self):
        """Documents still in force: neither expired nor replaced (their effective date may still be ahead)."""
        return self.filter(status=Document.Status.IN_FORCE)

    def with_number(self, text: str):
        """Documents named by number in ``text``, however written: "Chỉ thị số 05/CT-TW" finds "05-CT/TW"."""
        keys = _number_keys(text)
        return self.filter(number_key__in=keys) if keys else self.none()

    def search(self, query: str):
        """Documents whose number, abstract, issuer or signer contain every word of ``query``, diacritics ignored.

        Matches a folded column, so "ke hoach dang uy" and "Kế hoạch Đảng ủy" find the same rows on SQLite and
        PostgreSQL alike; a query that is a document number also finds it written another way.
        """
        words = fold(query).split()
        if not words:
            return self
        condition = Q()
        for word in words[:10]:
            condition &= Q(search_text__contains=word)
        keys = _number_keys(query)
        if keys:
            condition |= Q(number_key__in=keys)
        return self.filter(condition)


def _number_keys(text: str) -> list[str]:
    """The document numbers in ``text``; or ``text`` itself read as a number, however it is typed."""
    return find_document_numbers(text) or [key for key in [number_key(text)] if key]


class Document(models.Model):
    """A directing document (Decree 42/2022/NĐ-CP): kind, number and symbol, issuer, signer, dates, abstract."""

    class Kind(models.TextChoices):
        DIRECTIVE = "chi-thi", _("Chỉ thị")
        CONCLUSION = "ket-luan", _("Kết luận")
        RESOLUTION = "nghi-quyet", _("Nghị quyết")
        PLAN = "ke-hoach", _("Kế hoạch")
        GUIDANCE = "huong-dan", _("Hướng dẫn")
        OFFICIAL_LETTER = "cong-van", _("Công văn")
        DECISION = "quyet-dinh", _("Quyết định")
        REPORT = "bao-cao", _("Báo cáo")
        NOTICE = "thong-bao", _("Thông báo")
        REGULATION = "quy-dinh", _("Quy định")
        RULES = "quy-che", _("Quy chế")
        PROGRAMME = "chuong-trinh", _("Chương trình")
        PROJECT = "de-an", _("Đề án")

    class Status(models.TextChoices):
        IN_FORCE = "con-hieu-luc", _("Còn hiệu lực")
        EXPIRED = "het-hieu-luc", _("Hết hiệu lực")
        REPLACED = "bi-thay-the", _("Bị thay thế")

    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("số, ký hiệu"), max_length=60, help_text=_("Ví dụ: 185-KH/ĐU"))
    slug = models.SlugField(_("đường dẫn"), max_length=120, unique=True, blank=True)
    issuer = models.ForeignKey(Issuer, models.PROTECT, related_name="documents", verbose_name=_("cơ quan ban hành"))
    signer = models.CharField(_("người ký"), max_length=120, blank=True)
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(_("ngày hiệu lực"), null=True, blank=True)
    abstract = models.TextField(_("trích yếu"))
    subject = models.CharField(
        _("lĩnh vực"), max_length=120, blank=True, help_text=_("Ví dụ: Xây dựng Đảng, Tuyên giáo, Thi đua, khen thưởng")
    )
    status = models.CharField(
        _("tình trạng hiệu lực"), max_length=20, choices=Status.choices, default=Status.IN_FORCE, db_index=True
    )
    replaced_by = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaces",
        verbose_name=_("bị thay thế bởi"),
        help_text=_("Văn bản mới thay thế văn bản này; chọn khi tình trạng là “Bị thay thế”."),
    )
    file = models.FileField(
        _("tệp văn bản"),
        upload_to="documents/%Y/",
        blank=True,
        validators=[DocumentFileValidator(allowed=("pdf", "doc", "docx"))],
    )
    campaign = models.ForeignKey(
        Campaign, models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("chương trình")
    )
    theme = models.ForeignKey(
        Theme, models.SET_NULL, null=True, blank=True, related_name="documents", verbose_name=_("chuyên đề")
    )
    number_key = models.CharField(_("số hiệu chuẩn hóa"), max_length=60, blank=True, db_index=True, editable=False)
    search_text = models.TextField(_("nội dung tìm kiếm"), blank=True, editable=False)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        indexes = [models.Index(fields=["campaign", "-issued_on"], name="document_campaign_date_idx")]
        constraints = [
            # "Bị thay thế" names the replacing document, and only then is one named; never itself.
            models.CheckConstraint(
                condition=(
                    Q(status="bi-thay-the", replaced_by__isnull=False)
                    | (~Q(status="bi-thay-the") & Q(replaced_by__isnull=True))
                ),
                name="document_replaced_names_replacement",
                violation_error_message=_("Văn bản “Bị thay thế” phải chọn văn bản thay thế, và chỉ khi đó."),
            ),
            models.CheckConstraint(
                condition=~Q(replaced_by=F("pk")),
                name="document_not_replaced_by_itself",
                violation_error_message=_("Một văn bản không thể thay thế chính nó."),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                Document, f"{self.get_kind_display()} {self.number}", max_length=120, instance_pk=self.pk
            )
        self.number_key = number_key(self.number)
        issuer = self.issuer if self.issuer_id else None
        parts = [self.get_kind_display(), self.number, self.abstract, self.signer, self.subject]
        if issuer:
            parts += [issuer.name, issuer.short_name]
        self.search_text = fold(" ".join(part for part in parts if part))
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("campaigns:document-detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # The key spells every part out ("5a1b" -> "5-A-1-B", "ﬀ" -> "FF"): a number that fits may not.
        limit = self._meta.get_field("number_key").max_length
        if len(number_key(self.number or "")) > limit:
            raise ValidationError(
                {
                    "number": _(
                        "Số, ký hiệu quá dài hoặc có quá nhiều phần (tối đa %(max)s ký tự khi chuẩn hóa); "
                        "hãy viết đúng dạng, ví dụ 185-KH/ĐU."
                    )
                    % {"max": limit}
                },
                code="number_too_long",
            )
        if self.status == self.Status.REPLACED and not self.replaced_by_id:
            raise ValidationError(
                {"replaced_by": _("Chọn văn bản thay thế cho văn bản “Bị thay thế”.")}, code="replacement_missing"
            )
        if self.replaced_by_id and self.status != self.Status.REPLACED:
            raise ValidationError(
                {"status": _("Đã chọn văn bản thay thế: chọn tình trạng “Bị thay thế”, hoặc bỏ văn bản thay thế.")},
                code="replacement_without_status",
            )
        if self.replaced_by_id and self.replaced_by_id == self.pk:
            raise ValidationError({"replaced_by": _("Một văn bản không thể thay thế chính nó.")}, code="self_replaced")

    @property
    def file_name(self) -> str:
        """An ASCII download name, whatever the uploaded name was."""
        extension = self.file.name.rsplit(".", 1)[-1].lower() if self.file else "pdf"
        return f"{vietnamese_slugify(str(self), max_length=80)}.{extension}"

    def is_effective(self, on: datetime.date | None = None) -> bool:
        """In force on ``on`` (today): its status says so and its effective date has come."""
        on = on or timezone.localdate()
        return self.status == self.Status.IN_FORCE and (self.effective_on is None or self.effective_on <= on)

    @property
    def is_not_yet_effective(self) -> bool:
        """In force, but from a date still to come ("Chưa có hiệu lực" beside the status)."""
        return self.status == self.Status.IN_FORCE and not self.is_effective()
