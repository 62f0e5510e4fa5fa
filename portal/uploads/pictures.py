"""Every uploaded picture of the portal: checked, then stored as clean pixels only.

One rule for article covers, pictures put into the editor, good models' covers, exemplars' photos, banners and
video posters:

- Only real images count: Pillow decides by the content, never by the file name. A file that is not an image
  (an HTML page named ``anh.jpg``) is refused; what is left of a polyglot (a GIF that is also an HTML page, a
  JPEG with a ZIP appended) is dropped, because only the decoded pixels are written back.
- A size limit (``IMAGE_MAX_UPLOAD_MB``) and a pixel limit (``IMAGE_MAX_PIXELS``): a decompression bomb (a small
  file that unpacks into billions of pixels) is refused with a message, before any pixel is decoded.
- The camera's rotation is applied (``ImageOps.exif_transpose``) and EXIF (GPS position, camera serial) dropped
  by re-encoding the pixels alone.

``PictureField`` is the model field every picture uses; its form field, ``PictureFormField``, does the above, so
every ModelForm and admin gets it. ``read_image`` is the core for code that takes uploads itself (the editor).
A leaf module: it imports no app of the project, only the leaf modules ``portal.uploads.filekinds`` and ``portal.text``.
"""

import io
import posixpath
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from portal.text import vietnamese_slugify
from portal.uploads import filekinds


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
    """The pixels alone, in the same format: no EXIF, no comments, no embedded thumbnails, nothing appended."""
    # Pillow writes back some of what it read (a GIF's comment block, which can carry an HTML page): keep only
    # what the pixels need.
    image.info = {key: value for key, value in image.info.items() if key == "transparency"}
    out = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=88, optimize=True, progressive=True)
    elif image_format == "GIF":
        image.save(out, "GIF")
    else:
        image.save(out, image_format)
    return out.getvalue()


def clean_upload(upload) -> SimpleUploadedFile:
    """The upload re-encoded by ``read_image``, under an ASCII name with the extension of its real kind."""
    content, kind = read_image(upload)
    stem = posixpath.splitext(posixpath.basename(upload.name))[0]
    name = f"{vietnamese_slugify(stem, max_length=60) or 'anh'}.{kind.extension}"
    return SimpleUploadedFile(name, content, content_type=kind.content_type)


class PictureFormField(forms.ImageField):
    """A picture input that accepts only what ``read_image`` accepts and hands on the cleaned pixels."""

    def to_python(self, data):
        if data in self.empty_values:
            return None
        return clean_upload(data)

    def widget_attrs(self, widget):
        # The file picker offers what is taken (not "image/*", which lists BMP, TIFF, HEIC the check refuses).
        return {**super().widget_attrs(widget), "accept": filekinds.accept_attribute(filekinds.IMAGES)}


class PictureField(models.ImageField):
    """An ImageField whose forms check and clean the picture (``PictureFormField``); the column is the same."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PictureFormField, **kwargs})

    def deconstruct(self):
        # Migrations see a plain ImageField: the column is the same, and an AlterField would make SQLite copy
        # whole tables (the articles' table and its search triggers) to change nothing.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
