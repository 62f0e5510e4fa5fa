"""What surrounds the news on every page: the running slogans, banner links, web links to other agencies, videos.

Each has an order and an on/off switch. Pages read them through one function each (``Slogan.cached_texts`` and
``cached_site_parts``), cached until one of them is saved or deleted (site_parts.signals): no query per item, none
at all once cached. These functions are the only readers, so serving several portals later changes only them.
"""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.embeds import PROVIDER_NAMES, embed_src
from portal.uploads.pictures import PictureField

SITE_PARTS_CACHE_KEY = "portal:site-parts"
CACHE_SECONDS = 60 * 60


class SitePartQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Slogan(models.Model):
    """A line of the running banner of slogans at the top of every page."""

    CACHE_KEY = "portal:slogans"

    text = models.CharField(_("khẩu hiệu"), max_length=300)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("hiển thị"), default=True)

    objects = SitePartQuerySet.as_manager()

    class Meta:
        db_table = "portal_slogan"
        ordering = ["position", "id"]
        verbose_name = _("khẩu hiệu")
        verbose_name_plural = _("khẩu hiệu")

    def __str__(self):
        return self.text

    @classmethod
    def cached_texts(cls) -> list[str]:
        """The active slogans, cached until one of them changes."""
        texts = cache.get(cls.CACHE_KEY)
        if texts is None:
            texts = list(cls.objects.active().values_list("text", flat=True))
            cache.set(cls.CACHE_KEY, texts, CACHE_SECONDS)
        return texts

    @classmethod
    def forget_cached(cls) -> None:
        cache.delete(cls.CACHE_KEY)


class SitePart(models.Model):
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    is_active = models.BooleanField(_("hiển thị"), default=True)

    objects = SitePartQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class BannerLink(SitePart):
    """ "Liên kết banner": an image that links to another site."""

    title = models.CharField(_("tên"), max_length=200, help_text=_("Dùng làm chú thích ảnh cho người đọc màn hình."))
    image = PictureField(_("ảnh banner"), upload_to="banners/")
    url = models.URLField(_("địa chỉ liên kết"), max_length=500)

    class Meta(SitePart.Meta):
        db_table = "portal_bannerlink"
        verbose_name = _("liên kết banner")
        verbose_name_plural = _("liên kết banner")

    def __str__(self):
        return self.title


class WebLink(SitePart):
    """ "Liên kết web": a named link to another agency's site."""

    name = models.CharField(_("tên cơ quan, trang web"), max_length=200)
    url = models.URLField(_("địa chỉ"), max_length=500)

    class Meta(SitePart.Meta):
        db_table = "portal_weblink"
        verbose_name = _("liên kết web")
        verbose_name_plural = _("liên kết web")

    def __str__(self):
        return self.name


def video_file_validator(uploaded):
    """An MP4 or WebM file judged by its first bytes, not its name."""
    uploaded.seek(0)
    head = uploaded.read(12)
    uploaded.seek(0)
    if head[4:8] != b"ftyp" and not head.startswith(b"\x1a\x45\xdf\xa3"):
        raise ValidationError(_("Tệp không phải video MP4 hoặc WebM."), code="bad_video")


class Video(SitePart):
    """A video in the video block: an uploaded file, or a page of an allowed player (portal.embeds)."""

    title = models.CharField(_("tiêu đề"), max_length=200)
    file = models.FileField(
        _("tệp video"),
        upload_to="videos/%Y/%m/",
        blank=True,
        validators=[FileExtensionValidator(["mp4", "webm"]), video_file_validator],
        help_text=_("MP4 hoặc WebM."),
    )
    embed_url = models.URLField(
        _("hoặc địa chỉ video trên YouTube"),
        max_length=500,
        blank=True,
        help_text=_("Ví dụ: https://www.youtube.com/watch?v=..."),
    )
    poster = PictureField(_("ảnh đại diện"), upload_to="videos/posters/", blank=True)

    class Meta(SitePart.Meta):
        db_table = "portal_video"
        verbose_name = _("video")
        verbose_name_plural = _("video")

    def __str__(self):
        return self.title

    def clean(self):
        if bool(self.file) == bool(self.embed_url):
            raise ValidationError(_("Hãy tải lên một tệp video hoặc nhập một địa chỉ video, chỉ một trong hai."))
        if self.embed_url and embed_src(self.embed_url) is None:
            raise ValidationError(
                {"embed_url": _("Chỉ nhúng được video từ: %(hosts)s.") % {"hosts": ", ".join(PROVIDER_NAMES)}}
            )


def cached_site_parts() -> dict:
    """Active banners, web links and videos as plain data, in three queries once per change."""
    parts = cache.get(SITE_PARTS_CACHE_KEY)
    if parts is None:
        parts = {
            "banners": [
                {"title": b.title, "image": b.image.url, "url": b.url, **_size(b.image)}
                for b in BannerLink.objects.active()
            ],
            "web_links": [{"name": w.name, "url": w.url} for w in WebLink.objects.active()],
            "videos": [
                {
                    "title": v.title,
                    "file": v.file.url if v.file else "",
                    "poster": v.poster.url if v.poster else "",
                    "embed": embed_src(v.embed_url) if v.embed_url else "",
                }
                for v in Video.objects.active()
            ],
        }
        cache.set(SITE_PARTS_CACHE_KEY, parts, CACHE_SECONDS)
    return parts


def _size(image) -> dict:
    """A banner's width and height for its <img> (no jump as it loads), read once per cache fill; none if unreadable."""
    try:
        return {"width": image.width, "height": image.height}
    except (OSError, ValueError):
        return {}


def forget_cached_site_parts() -> None:
    """Drop the cached block; the next page builds it again (saves, deletes and the admin's bulk switches)."""
    cache.delete(SITE_PARTS_CACHE_KEY)


class SiteProfile(models.Model):
    """Who owns and answers for the portal (footer of every page, "Liên hệ"): a single row, edited in the admin.

    What the rules ask a portal's footer and contact page to show (NĐ 42/2022, TT 32/2017): the owning body, the
    person responsible for the content, address, phone, e-mail, the licence where one was issued, and the official
    in charge of the portal. Read through ``current()``, cached until it is saved.
    """

    CACHE_KEY = "portal:site-profile"

    owner = models.CharField(
        _("cơ quan chủ quản"), max_length=250, blank=True, help_text=_("Để trống: dùng tên cổng (SITE_NAME).")
    )
    responsible_person = models.CharField(
        _("chịu trách nhiệm nội dung"),
        max_length=250,
        blank=True,
        help_text=_("Họ tên và chức vụ, ví dụ: Nguyễn Văn A – Phó Bí thư Đảng ủy."),
    )
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=60, blank=True)
    fax = models.CharField(_("fax"), max_length=60, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    licence = models.CharField(
        _("giấy phép"), max_length=250, blank=True, help_text=_("Số, ngày và cơ quan cấp giấy phép, nếu có.")
    )
    portal_official = models.CharField(
        _("cán bộ phụ trách cổng thông tin"), max_length=250, blank=True, help_text=_("Họ tên, chức vụ.")
    )
    portal_official_contact = models.CharField(
        _("liên hệ của cán bộ phụ trách"), max_length=250, blank=True, help_text=_("Điện thoại, thư điện tử.")
    )
    map_url = models.URLField(
        _("bản đồ"), max_length=500, blank=True, help_text=_("Địa chỉ bản đồ trực tuyến của trụ sở.")
    )
    copyright = models.CharField(
        _("dòng bản quyền"),
        max_length=300,
        blank=True,
        help_text=_("Ví dụ: Ghi rõ nguồn khi phát hành lại thông tin từ trang này."),
    )

    class Meta:
        verbose_name = _("thông tin cơ quan")
        verbose_name_plural = _("thông tin cơ quan (chân trang, liên hệ)")

    def __str__(self):
        return str(_("Thông tin cơ quan"))

    def save(self, *args, **kwargs):
        self.pk = 1  # a single row
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> "SiteProfile":
        """The row (an unsaved empty one until an administrator fills it), cached until it is saved."""
        profile = cache.get(cls.CACHE_KEY)
        if profile is None:
            profile = cls.objects.filter(pk=1).first() or cls(pk=1)
            cache.set(cls.CACHE_KEY, profile, CACHE_SECONDS)
        return profile

    @classmethod
    def forget_cached(cls) -> None:
        cache.delete(cls.CACHE_KEY)
