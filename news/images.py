"""Uploaded pictures (article covers and images put into the editor): checked, cleaned and resized.

- Only real images count: Pillow decides by the content, never by the file name.
- A size limit (``IMAGE_MAX_UPLOAD_MB``) and a pixel limit (``IMAGE_MAX_PIXELS``): a decompression bomb (a small
  file that unpacks into billions of pixels) is refused with a message, before any pixel is decoded.
- The camera's rotation is applied (``ImageOps.exif_transpose``) and EXIF (GPS position, camera serial) dropped
  by re-encoding the pixels alone.
- Renditions for the list, the article and the social card are made on save with predictable names
  (``covers/2026/11/anh-w640.jpg``); templates offer them through ``srcset``.
"""

import io
import logging
import posixpath
import re
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ckeditor_5.storage_utils import get_django_storage
from PIL import Image, ImageOps, UnidentifiedImageError

from portal import filekinds
from portal.text import vietnamese_slugify

logger = logging.getLogger(__name__)

# name -> (width, height or None for "keep the ratio"); a height crops to that shape (the social card).
RENDITIONS = {"w320": (320, None), "w640": (640, None), "w1200": (1200, None), "og": (1200, 630)}


def max_upload_bytes() -> int:
    return settings.IMAGE_MAX_UPLOAD_MB * 1024 * 1024


def read_image(file) -> tuple[bytes, filekinds.FileKind]:
    """Check an uploaded file and return it re-encoded (oriented, without EXIF) with its kind.

    Raises ValidationError with a Vietnamese message for anything that is not a safe, reasonable image.
    """
    if file.size is not None and file.size > max_upload_bytes():
        raise ValidationError(
            _("Ảnh quá lớn: tối đa %(mb)s MB.") % {"mb": settings.IMAGE_MAX_UPLOAD_MB}, code="too_large"
        )
    file.seek(0)
    raw = file.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            probe = Image.open(io.BytesIO(raw))  # reads the header only: no pixel is decoded yet
            width, height = probe.size
            image_format = probe.format
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(_bomb_message(), code="too_many_pixels") from None
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        raise ValidationError(
            _("Tệp không phải là ảnh hợp lệ (JPEG, PNG, GIF hoặc WebP)."), code="not_an_image"
        ) from None
    kind = filekinds.by_pillow_format(image_format)
    if kind is None:
        raise ValidationError(_("Chỉ nhận ảnh JPEG, PNG, GIF hoặc WebP."), code="bad_format")
    if width * height > settings.IMAGE_MAX_PIXELS:
        raise ValidationError(_bomb_message(), code="too_many_pixels")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(raw))
            image.load()
            image = ImageOps.exif_transpose(image)
    except Exception:  # a truncated or malformed file: Pillow raises many kinds
        raise ValidationError(_("Ảnh bị hỏng, không đọc được."), code="broken") from None
    return _encode(image, image_format), kind


def _bomb_message() -> str:
    megapixels = settings.IMAGE_MAX_PIXELS // 1_000_000
    return _("Ảnh có quá nhiều điểm ảnh (tối đa %(mp)s triệu điểm ảnh): hãy thu nhỏ ảnh rồi tải lên lại.") % {
        "mp": megapixels
    }


def _encode(image: Image.Image, image_format: str) -> bytes:
    """The pixels alone, in the same format: no EXIF, no comments, no embedded thumbnails."""
    out = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True, progressive=True)
    elif image_format == "GIF":
        image.save(out, "GIF")
    else:
        image.save(out, image_format)
    return out.getvalue()


class SafeImageFormField(forms.ImageField):
    """A cover field that accepts only what ``read_image`` accepts and stores the cleaned pixels."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        content, kind = read_image(data)
        stem = posixpath.splitext(posixpath.basename(data.name))[0] or "anh"
        name = f"{vietnamese_slugify(stem, max_length=60) or 'anh'}.{kind.extension}"
        return SimpleUploadedFile(name, content, content_type=kind.content_type)


def rendition_name(name: str, key: str) -> str:
    stem, _extension = posixpath.splitext(name)
    return f"{stem}-{key}.jpg"


def make_renditions(fieldfile) -> list[str]:
    """Write the missing renditions of an image next to it; a broken original is logged, never raised."""
    return make_renditions_of(fieldfile.storage, fieldfile.name)


def make_renditions_of(storage, name: str, keys=tuple(RENDITIONS)) -> list[str]:
    made: list[str] = []
    missing = {key: RENDITIONS[key] for key in keys if not storage.exists(rendition_name(name, key))}
    if not missing:
        return made
    try:
        with storage.open(name, "rb") as original, warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = ImageOps.exif_transpose(Image.open(original))
            image.load()
    except Exception:
        logger.warning("No renditions for %s: the original cannot be read", name, exc_info=True)
        return made
    image = image.convert("RGB")
    for key, (width, height) in missing.items():
        if height:
            resized = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS)
        else:
            resized = image.copy()
            resized.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
        out = io.BytesIO()
        resized.save(out, "JPEG", quality=82, optimize=True, progressive=True)
        made.append(storage.save(rendition_name(name, key), ContentFile(out.getvalue())))
    return made


def rendition_url(fieldfile, key: str) -> str:
    """The URL of a rendition if it exists, else of the original."""
    name = rendition_name(fieldfile.name, key)
    return fieldfile.storage.url(name) if fieldfile.storage.exists(name) else fieldfile.url


def srcset(fieldfile) -> str:
    """``srcset`` of the width renditions that exist, e.g. ``/media/a-w320.jpg 320w, /media/a-w640.jpg 640w``."""
    entries = []
    for key, (width, height) in RENDITIONS.items():
        name = rendition_name(fieldfile.name, key)
        if height is None and fieldfile.storage.exists(name):
            entries.append(f"{fieldfile.storage.url(name)} {width}w")
    return ", ".join(entries)


@require_POST
def editor_image_upload(request):
    """CKEditor 5's upload endpoint, with the checks above in place of the package's own (a name check)."""
    if not request.user.is_active or not request.user.is_staff:
        return JsonResponse({"error": {"message": _("Bạn không có quyền tải ảnh lên.")}}, status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return JsonResponse({"error": {"message": _("Chưa chọn ảnh.")}}, status=400)
    try:
        content, kind = read_image(upload)
    except ValidationError as error:
        return JsonResponse({"error": {"message": error.messages[0]}}, status=400)
    storage = get_django_storage()
    stem = posixpath.splitext(posixpath.basename(upload.name))[0] or "anh"
    name = storage.save(f"{stem}.{kind.extension}", ContentFile(content))
    # Widths for the article body's srcset (see responsive_images); no social card for pictures in the text.
    make_renditions_of(storage, name, keys=("w320", "w640", "w1200"))
    return JsonResponse({"url": storage.url(name)})


_IMG = re.compile(r"<img\b([^>]*)>", re.IGNORECASE)
_SRC = re.compile(r'\ssrc="([^"]+)"')


def responsive_images(html: str) -> str:
    """Give the body's pictures lazy loading, and a srcset where resized copies exist (uploaded in the editor).

    ``html`` is the body as stored, already cleaned by ``news.sanitize``; this only adds attributes to <img>.
    """
    media_url = settings.MEDIA_URL

    def rewrite(match: re.Match) -> str:
        attributes = match.group(1)
        extra = ""
        if "loading=" not in attributes:
            extra += ' loading="lazy" decoding="async"'
        src = _SRC.search(attributes)
        if src and "srcset=" not in attributes and src.group(1).startswith(media_url):
            name = src.group(1)[len(media_url) :]
            entries = [
                f"{default_storage.url(rendition_name(name, key))} {width}w"
                for key, (width, height) in RENDITIONS.items()
                if height is None and default_storage.exists(rendition_name(name, key))
            ]
            if entries:
                extra += f' srcset="{", ".join(entries)}" sizes="(max-width: 900px) 100vw, 800px"'
        return f"<img{attributes}{extra}>"

    return _IMG.sub(rewrite, html or "")
