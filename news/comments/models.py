"""Readers' comments ("Bình luận"), moderated by the newsroom before anything appears.

The tables keep the names they had when comments were part of ``news`` (``news_comment`` ...).
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.text import fold

from .files import KINDS_BY_EXTENSION, attachment_path, private_storage


def _normalise(text: str) -> str:
    """Folded (no diacritics, lower case) with runs of spaces made one: "Cờ   BẠC" -> "co bac"."""
    return " ".join(fold(text).split())


class CommentQuerySet(models.QuerySet):
    def approved(self):
        """What readers may see: only comments a moderator approved. The one definition used everywhere."""
        return self.filter(status=Comment.Status.APPROVED)

    def pending(self):
        return self.filter(status=Comment.Status.PENDING)

    def for_article_page(self, article):
        """The approved comments under ``article``, oldest first, without the columns readers never see."""
        return (
            self.approved()
            .filter(article=article)
            .only("id", "article_id", "name", "text", "attachment", "attachment_type", "status", "created_at")
            .order_by("created_at", "id")
        )


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt")
        REJECTED = "rejected", _("Từ chối")

    article = models.ForeignKey("news.Article", models.CASCADE, related_name="comments", verbose_name=_("bài viết"))
    name = models.CharField(_("họ và tên"), max_length=80)
    email = models.EmailField(_("thư điện tử"), help_text=_("Không hiển thị cho bạn đọc."))
    text = models.TextField(_("nội dung"))
    attachment = models.FileField(
        _("tệp đính kèm"), storage=private_storage, upload_to=attachment_path, max_length=200, blank=True
    )
    attachment_type = models.CharField(
        _("loại tệp"), max_length=10, blank=True, editable=False, help_text=_("Xác định từ nội dung tệp.")
    )
    attachment_name = models.CharField(_("tên tệp gốc"), max_length=200, blank=True, editable=False)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("thời gian gửi"), auto_now_add=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True, editable=False)
    moderated_at = models.DateTimeField(_("thời gian duyệt"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("người duyệt"),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("bình luận")
        verbose_name_plural = _("bình luận")
        db_table = "news_comment"
        indexes = [
            models.Index(fields=["article", "status", "created_at"], name="comment_article_status_idx"),
            models.Index(fields=["status", "-created_at"], name="comment_queue_idx"),
        ]

    def __str__(self):
        return f"{self.name}: {self.text[:60]}"

    def get_attachment_url(self) -> str:
        return reverse("comments:comment-attachment", kwargs={"pk": self.pk}) if self.attachment else ""

    def shown_to_readers(self) -> bool:
        """This row's answer to ``CommentQuerySet.approved()`` (read by the page cache: a comment waiting for
        moderation, made or deleted, changes no page)."""
        return self.status == self.Status.APPROVED

    @property
    def attachment_kind(self):
        return KINDS_BY_EXTENSION.get(self.attachment_type)


class BlockedWord(models.Model):
    """A word or phrase that makes a comment refused, matched whole and without regard to diacritics or case."""

    CACHE_KEY = "comments:blocked-words"

    word = models.CharField(_("từ hoặc cụm từ"), max_length=100, unique=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("từ bị chặn")
        verbose_name_plural = _("từ bị chặn trong bình luận")
        db_table = "news_blockedword"

    def __str__(self):
        return self.word

    @classmethod
    def cached_pattern(cls) -> re.Pattern | None:
        """One regular expression over the folded words, cached until the list changes (see .signals)."""
        words = cache.get(cls.CACHE_KEY)
        if words is None:
            words = sorted({_normalise(w) for w in cls.objects.values_list("word", flat=True)} - {""})
            cache.set(cls.CACHE_KEY, words, 60 * 60)
        if not words:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")

    @classmethod
    def found_in(cls, text: str) -> bool:
        pattern = cls.cached_pattern()
        return bool(pattern and pattern.search(_normalise(text)))


class CommentSettings(models.Model):
    """Site-wide switches for comments: a single row, edited in the admin."""

    CACHE_KEY = "comments:settings"

    comments_open = models.BooleanField(
        _("cho phép bình luận trên toàn trang"),
        default=True,
        help_text=_("Bỏ chọn để đóng bình luận ở mọi bài viết."),
    )
    max_length = models.PositiveIntegerField(
        _("độ dài tối đa của bình luận (ký tự)"), default=3000, help_text=_("Từ 100 đến 20.000 ký tự.")
    )

    class Meta:
        verbose_name = _("cấu hình bình luận")
        verbose_name_plural = _("cấu hình bình luận")
        db_table = "news_commentsettings"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_length__gte=100, max_length__lte=20000), name="comment_max_length_range"
            )
        ]

    def __str__(self):
        return str(_("Cấu hình bình luận"))

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "CommentSettings":
        """The settings row (created with defaults on first use), cached until it is saved."""
        current = cache.get(cls.CACHE_KEY)
        if current is None:
            current, _created = cls.objects.get_or_create(pk=1)
            cache.set(cls.CACHE_KEY, current, 60 * 60)
        return current


def comments_open_for(article) -> bool:
    """Whether readers may comment on ``article``: its own switch and the site-wide one."""
    return article.allow_comments and CommentSettings.current().comments_open
