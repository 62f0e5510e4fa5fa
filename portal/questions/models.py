"""Topics and readers' questions. A question's due date is 15 working days after the day it arrived."""

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.text import fold, unique_slug
from portal.uploads.attachments import KINDS_BY_EXTENSION, private_storage, random_name
from portal.workdays import add_working_days

ANSWER_WITHIN_WORKING_DAYS = 15
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


def new_tracking_code() -> str:
    """ "HD-" and 10 random characters (about 50 bits): not guessable, so the code alone opens the status page."""
    return "HD-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


def due_date(received_on: datetime.date) -> datetime.date:
    return add_working_days(received_on, ANSWER_WITHIN_WORKING_DAYS)


def attachment_path(instance, filename: str) -> str:
    return random_name("questions", instance.attachment_type)


class Topic(models.Model):
    name = models.CharField(_("chủ đề"), max_length=150, unique=True)
    slug = models.SlugField(_("đường dẫn"), max_length=160, unique=True, blank=True)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("nhận câu hỏi"), default=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("chủ đề hỏi đáp")
        verbose_name_plural = _("chủ đề hỏi đáp")

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Topic, self.name, max_length=160, instance_pk=self.pk)
        super().save(*args, **kwargs)


class QuestionQuerySet(models.QuerySet):
    def published(self):
        """What readers may see: answered questions staff chose to publish (the asker agreed). Used everywhere."""
        return self.filter(is_published=True, status=Question.Status.ANSWERED)

    def overdue(self, today: datetime.date | None = None):
        return self.exclude(status=Question.Status.ANSWERED).filter(due_on__lt=today or timezone.localdate())

    def overdue_first(self, today: datetime.date | None = None):
        """The admin's order: overdue questions, then the others by due date (earliest first)."""
        late = Q(due_on__lt=today or timezone.localdate()) & ~Q(status=Question.Status.ANSWERED)
        return self.annotate(is_late=Case(When(late, then=Value(1)), default=Value(0))).order_by(
            "-is_late", "due_on", "id"
        )

    def search(self, text: str):
        for word in fold(text).split()[:12]:
            self = self.filter(search_folded__contains=word)
        return self


class Question(models.Model):
    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        IN_PROGRESS = "in_progress", _("Đang xử lý")
        ANSWERED = "answered", _("Đã trả lời")

    code = models.CharField(_("mã tra cứu"), max_length=20, unique=True, default=new_tracking_code, editable=False)
    topic = models.ForeignKey(Topic, models.PROTECT, related_name="questions", verbose_name=_("chủ đề"))
    title = models.CharField(_("tiêu đề"), max_length=200)
    text = models.TextField(_("nội dung câu hỏi, góp ý"))
    name = models.CharField(_("họ và tên"), max_length=80)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=20, blank=True)
    attachment = models.FileField(
        _("tệp đính kèm"), storage=private_storage, upload_to=attachment_path, max_length=200, blank=True
    )
    attachment_type = models.CharField(_("loại tệp"), max_length=10, blank=True, editable=False)
    attachment_name = models.CharField(_("tên tệp gốc"), max_length=200, blank=True, editable=False)
    allow_publication = models.BooleanField(
        _("người hỏi đồng ý công bố"),
        default=False,
        editable=False,
        help_text=_("Người hỏi đồng ý công bố câu hỏi và câu trả lời (không kèm thông tin cá nhân)."),
    )
    created_at = models.DateTimeField(_("thời gian gửi"), default=timezone.now, editable=False)
    due_on = models.DateField(_("hạn trả lời"), editable=False, db_index=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True, editable=False)
    status = models.CharField(_("tình trạng"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người được giao"),
        limit_choices_to={"is_staff": True},
    )
    answer = models.TextField(_("câu trả lời"), blank=True)
    answered_at = models.DateTimeField(_("thời gian trả lời"), null=True, blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("người trả lời"),
    )
    is_published = models.BooleanField(
        _("công bố"), default=False, help_text=_("Hiện câu hỏi và câu trả lời trong mục Hỏi đáp, không kèm họ tên.")
    )
    search_folded = models.TextField(editable=False, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-answered_at", "-id"]
        verbose_name = _("câu hỏi, góp ý")
        verbose_name_plural = _("câu hỏi, góp ý")
        indexes = [models.Index(fields=["is_published", "status", "-answered_at"], name="question_published_idx")]

    def __str__(self):
        return f"{self.code}: {self.title}"

    def save(self, *args, **kwargs):
        if not self.due_on:
            self.due_on = due_date(timezone.localdate(self.created_at))
        self.search_folded = fold(f"{self.title} {self.text} {self.answer}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("questions:status", kwargs={"code": self.code})

    def shown_to_readers(self) -> bool:
        """This row's answer to ``QuestionQuerySet.published()`` (read by the page cache: a new question changes
        no cached page)."""
        return self.is_published and self.status == self.Status.ANSWERED

    def clean(self):
        if self.is_published and not self.answer.strip():
            raise ValidationError({"is_published": _("Chỉ công bố được câu hỏi đã có câu trả lời.")})
        if self.is_published and not self.allow_publication:
            raise ValidationError({"is_published": _("Người hỏi không đồng ý công bố câu hỏi này.")})
        if self.status == self.Status.ANSWERED and not self.answer.strip():
            raise ValidationError({"answer": _("Hãy nhập câu trả lời trước khi chuyển sang “Đã trả lời”.")})

    @property
    def attachment_kind(self):
        return KINDS_BY_EXTENSION.get(self.attachment_type)

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.ANSWERED and self.due_on < timezone.localdate()
