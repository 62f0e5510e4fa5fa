"""Files readers attach (to a comment, a question): which kinds are taken, how large, and where they are kept.

A file's kind is read from its content (``filekinds``), never from its name or the browser's claim: an "ảnh.jpg"
that is really an HTML page is refused. Accepted files get a random ASCII name with the extension of their real
kind and are kept in the private storage outside MEDIA_ROOT; they are fetched only through views that check who
asks and always send a download. One rule for every reader's attachment, so the checks never drift apart.
"""

import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.http import FileResponse, Http404
from django.utils.translation import gettext_lazy as _

from portal.text import vietnamese_slugify

from . import filekinds

MAX_ATTACHMENT_SIZE = 10 * 1024 * 1024
ATTACHMENT_KINDS = (*filekinds.IMAGES, filekinds.PDF, filekinds.DOC, filekinds.DOCX)
KINDS_BY_EXTENSION = {kind.extension: kind for kind in ATTACHMENT_KINDS}


def private_storage():
    """The storage for files nobody may fetch directly (settings.STORAGES["private"])."""
    return storages["private"]


def validate_attachment(uploaded) -> filekinds.FileKind:
    """Refuse a file that is too large or not really an image, PDF or Word document; return its kind."""
    if uploaded.size > MAX_ATTACHMENT_SIZE:
        raise ValidationError(_("Tệp đính kèm không được lớn hơn 10 MB."), code="too_large")
    if uploaded.size == 0:
        raise ValidationError(_("Tệp đính kèm rỗng."), code="empty")
    kind = filekinds.detect(uploaded)
    if kind not in ATTACHMENT_KINDS:
        raise ValidationError(
            _(
                "Chỉ nhận tệp ảnh (JPG, PNG, GIF, WebP), PDF hoặc Word (DOC, DOCX). "
                "Nội dung tệp này không phải các loại đó."
            ),
            code="bad_type",
        )
    return kind


def random_name(folder: str, extension: str) -> str:
    """``folder/<random>.<ext>``: the original name (often a person's name) never reaches the disk."""
    kind = KINDS_BY_EXTENSION.get(extension)
    return f"{folder}/{uuid.uuid4().hex}.{kind.extension if kind else 'bin'}"


def delete_file(field) -> None:
    """Remove a stored attachment (a FieldFile), if any: after a failed save, a deletion or an erasure."""
    if field and field.name:
        field.storage.delete(field.name)


def download_response(field, *, kind: filekinds.FileKind | None, original_name: str):
    """A reader's private file as a download with its real type, never rendered by the browser; 404 when the
    kind is unknown or the file is gone. The one way comments' and questions' attachments leave the portal."""
    if kind is None:
        raise Http404
    try:
        handle = field.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    stem = vietnamese_slugify(PurePath(original_name).stem, max_length=60) or "tep-dinh-kem"
    response = FileResponse(
        handle, as_attachment=True, filename=f"{stem}.{kind.extension}", content_type=kind.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
