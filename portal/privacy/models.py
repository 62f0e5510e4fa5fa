"""The privacy policy (versioned), the consents readers gave, and the log of exports and erasures."""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import IntegrityError, models, transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .default_policy import DEFAULT_POLICY_BODY, DEFAULT_POLICY_TITLE


def normalise_email(email: str) -> str:
    """How an address is compared and stored for lookups: trimmed, lower case."""
    return (email or "").strip().lower()


def email_digest(email: str) -> str:
    """A SHA-256 of the address: the log says which request it was without keeping the address it erased."""
    return hashlib.sha256(normalise_email(email).encode()).hexdigest()


class PrivacyPolicyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False).order_by("-version")


class PrivacyPolicy(models.Model):
    """One version of "Chính sách bảo vệ dữ liệu cá nhân". Published versions are never changed, only succeeded."""

    CACHE_KEY = "privacy:current-policy"

    version = models.PositiveIntegerField(_("phiên bản"), null=True, blank=True, unique=True, editable=False)
    title = models.CharField(_("tiêu đề"), max_length=200, default=DEFAULT_POLICY_TITLE)
    body = models.TextField(
        _("nội dung"),
        help_text=_(
            "Các đoạn cách nhau một dòng trống. Dòng bắt đầu bằng “## ” là tiêu đề mục; "
            "dòng bắt đầu bằng “- ” là một ý trong danh sách."
        ),
    )
    published_at = models.DateTimeField(_("ngày công bố"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)

    objects = PrivacyPolicyQuerySet.as_manager()

    class Meta:
        ordering = ["-version", "-created_at"]
        verbose_name = _("chính sách bảo vệ dữ liệu cá nhân")
        verbose_name_plural = _("chính sách bảo vệ dữ liệu cá nhân")
        permissions = [("manage_personal_data", _("Xuất và xóa dữ liệu cá nhân của một người"))]

    def __str__(self):
        if self.version:
            return _("Phiên bản %(version)s (%(date)s)") % {
                "version": self.version,
                "date": self.published_at.strftime("%d/%m/%Y"),
            }
        return _("Bản nháp (chưa công bố)")

    def get_absolute_url(self):
        return reverse("privacy:policy")

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @classmethod
    def current(cls) -> "PrivacyPolicy":
        """The latest published version, cached until a policy is saved.

        Before any is published: version 1 of the default text, unsaved (a page never writes; the first consent
        stored publishes it, see ``ensure_published``).
        """
        policy = cache.get(cls.CACHE_KEY)
        if policy is None:
            policy = cls.objects.published().first() or cls(body=DEFAULT_POLICY_BODY, version=1)
            cache.set(cls.CACHE_KEY, policy, 60 * 60)
        return policy

    @classmethod
    def ensure_published(cls) -> "PrivacyPolicy":
        """The current version, saved: the default one is published now if none was (consents must point to a row)."""
        policy = cls.current()
        if policy.pk:
            return policy
        from .services import publish_policy

        try:
            with transaction.atomic():
                return publish_policy(policy=cls.objects.create(body=DEFAULT_POLICY_BODY))
        except IntegrityError:  # another request published version 1 at the same instant: use theirs
            return cls.objects.published().first()


class ConsentQuerySet(models.QuerySet):
    def of_email(self, email: str):
        return self.filter(email=normalise_email(email))

    def for_subject(self, subject: models.Model):
        return self.filter(content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk)


class Consent(models.Model):
    """A tick a reader gave with a submission: for which purpose, under which policy version, when."""

    email = models.EmailField(_("thư điện tử"), db_index=True)
    purpose = models.CharField(_("mục đích (mã)"), max_length=40)
    purpose_text = models.CharField(_("mục đích người gửi đã đồng ý"), max_length=400)
    policy = models.ForeignKey(
        PrivacyPolicy, models.PROTECT, related_name="consents", verbose_name=_("phiên bản chính sách")
    )
    given_at = models.DateTimeField(_("thời điểm đồng ý"))
    content_type = models.ForeignKey(ContentType, models.CASCADE, verbose_name=_("loại nội dung"))
    object_id = models.PositiveBigIntegerField(_("mã nội dung"))
    subject = GenericForeignKey("content_type", "object_id")

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-id"]
        verbose_name = _("sự đồng ý")
        verbose_name_plural = _("sự đồng ý xử lý dữ liệu cá nhân")
        indexes = [models.Index(fields=["content_type", "object_id"], name="consent_subject_idx")]

    def __str__(self):
        return f"{self.email}: {self.purpose_text}"


class PersonalDataLog(models.Model):
    """Who exported or erased one person's data, and when (the address itself is kept only as a digest)."""

    class Action(models.TextChoices):
        EXPORT = "export", _("Xuất dữ liệu")
        ERASE = "erase", _("Xóa dữ liệu")

    action = models.CharField(_("việc làm"), max_length=10, choices=Action.choices)
    email_digest = models.CharField(_("mã băm thư điện tử (SHA-256)"), max_length=64, db_index=True)
    counts = models.JSONField(_("số bản ghi theo loại"), default=dict)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người thực hiện"),
    )
    done_by_label = models.CharField(_("thực hiện qua"), max_length=200, blank=True)
    done_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        ordering = ["-done_at", "-id"]
        verbose_name = _("nhật ký dữ liệu cá nhân")
        verbose_name_plural = _("nhật ký xuất, xóa dữ liệu cá nhân")

    def __str__(self):
        return f"{self.get_action_display()} {self.done_at:%d/%m/%Y %H:%M}"
