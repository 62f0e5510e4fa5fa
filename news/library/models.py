"""The picture library: a picture uploaded once, described once (alt text required), used again and again.

Articles record which library pictures they use (``news.Article.library_images``, kept by ``news`` on save), so
the library can say "dùng trong 3 bài" and refuses to delete a picture still in use. The resized copies are made
from the record's own file, cropped around its focal point (``news.images``).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.uploads.pictures import PictureField

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class LibraryImageQuerySet(models.QuerySet):
    def search(self, text: str):
        text = (text or "").strip()
        if not text:
            return self
        return self.filter(
            models.Q(title__icontains=text)
            | models.Q(caption__icontains=text)
            | models.Q(author__icontains=text)
            | models.Q(alt_text__icontains=text)
            | models.Q(keywords__icontains=text)
        )

    def with_usage(self):
        return self.annotate(usage=models.Count("articles", distinct=True))


class LibraryImage(models.Model):
    file = PictureField(_("ảnh"), upload_to="library/%Y/%m/")
    title = models.CharField(_("tên ảnh"), max_length=200)
    alt_text = models.CharField(
        _("mô tả cho người khiếm thị (alt)"),
        max_length=300,
        help_text=_("Bắt buộc: ảnh cho thấy gì, để trình đọc màn hình đọc lên."),
    )
    caption = models.CharField(_("chú thích"), max_length=300, blank=True)
    author = models.CharField(_("tác giả ảnh"), max_length=120, blank=True)
    keywords = models.CharField(_("từ khóa"), max_length=300, blank=True, help_text=_("Cách nhau bằng dấu phẩy."))
    focal_x = models.PositiveSmallIntegerField(
        _("tâm ảnh theo chiều ngang (%)"),
        default=50,
        validators=PERCENT,
        help_text=_("Khi cắt ảnh (ảnh chia sẻ mạng xã hội), giữ điểm này trong khung: 0 là mép trái, 100 là mép phải."),
    )
    focal_y = models.PositiveSmallIntegerField(
        _("tâm ảnh theo chiều dọc (%)"), default=50, validators=PERCENT, help_text=_("0 là mép trên, 100 là mép dưới.")
    )
    uploaded_at = models.DateTimeField(_("ngày tải lên"), auto_now_add=True, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("người tải")
    )

    objects = LibraryImageQuerySet.as_manager()

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = _("ảnh trong thư viện")
        verbose_name_plural = _("Thư viện ảnh")

    def __str__(self):
        return self.title

    @property
    def centering(self) -> tuple[float, float]:
        return (self.focal_x / 100, self.focal_y / 100)
