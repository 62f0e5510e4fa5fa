"""Readers' comment attachments: what a file really is, and where it is kept.

A file's type is read from its content, never from its name or the browser's claim: an "ảnh.jpg" that is
really an HTML page is refused. Accepted files are renamed to a random ASCII name with the extension of their
real type and kept in a private storage outside MEDIA_ROOT; readers and moderators fetch them only through
``news.comment_views.comment_attachment``, which always sends them as a download.
"""

import uuid
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str
    label: str


IMAGE_KINDS = {
    "JPEG": FileKind("jpg", "image/jpeg", _("Ảnh JPEG")),
    "PNG": FileKind("png", "image/png", _("Ảnh PNG")),
    "GIF": FileKind("gif", "image/gif", _("Ảnh GIF")),
    "WEBP": FileKind("webp", "image/webp", _("Ảnh WebP")),
}
PDF = FileKind("pdf", "application/pdf", _("Tài liệu PDF"))
DOC = FileKind("doc", "application/msword", _("Tài liệu Word"))
DOCX = FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _("Tài liệu Word"))
KINDS_BY_EXTENSION = {kind.extension: kind for kind in [*IMAGE_KINDS.values(), PDF, DOC, DOCX]}

_OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def private_storage():
    """The storage for files nobody may fetch directly (settings.STORAGES["private"])."""
    return storages["private"]


def _image_kind(uploaded) -> FileKind | None:
    uploaded.seek(0)
    try:
        with Image.open(uploaded) as image:
            image.verify()
            return IMAGE_KINDS.get(image.format)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        uploaded.seek(0)


def _docx_kind(uploaded) -> FileKind | None:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        uploaded.seek(0)
    return DOCX if {"[Content_Types].xml", "word/document.xml"} <= names else None


def detect_kind(uploaded) -> FileKind | None:
    """The allowed kind ``uploaded`` really is, judged by its bytes, or None."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head == _OLE2_SIGNATURE:
        return DOC
    if head.startswith(b"PK\x03\x04"):
        return _docx_kind(uploaded)
    return _image_kind(uploaded)


def validate_attachment(uploaded) -> FileKind:
    """Refuse a file that is too large or not really an image, PDF or Word document; return its kind."""
    if uploaded.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(_("Tệp đính kèm không được lớn hơn 10 MB."), code="too_large")
    if uploaded.size == 0:
        raise ValidationError(_("Tệp đính kèm rỗng."), code="empty")
    kind = detect_kind(uploaded)
    if kind is None:
        raise ValidationError(
            _(
                "Chỉ nhận tệp ảnh (JPG, PNG, GIF, WebP), PDF hoặc Word (DOC, DOCX). "
                "Nội dung tệp này không phải các loại đó."
            ),
            code="bad_type",
        )
    return kind


def attachment_path(instance, filename: str) -> str:
    """A random ASCII name with the extension of the real type (set by the form as ``instance.attachment_type``)."""
    kind = KINDS_BY_EXTENSION.get(instance.attachment_type)
    return f"comments/{uuid.uuid4().hex}.{kind.extension if kind else 'bin'}"
