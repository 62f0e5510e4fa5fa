"""What a file really is, judged by its bytes and never by its name or the browser's claim.

The one table of the kinds of file the portal accepts (pictures, PDF and Word documents, videos) with their
extensions, content types and Vietnamese labels, and the one place that reads a file's signature: comments'
attachments, campaign documents and their downloads, pictures and videos all ask ``detect`` or ``is_really``.
A leaf module: it imports no app of the project.
"""

import zipfile
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Enough for every signature below: WebP and MP4 name themselves at bytes 8-12 and 4-8.
HEAD_SIZE = 16


@dataclass(frozen=True)
class FileKind:
    extension: str  # the one a stored file gets
    content_type: str
    label: str
    aliases: tuple[str, ...] = ()  # other extensions people use for it ("jpeg")
    pillow_format: str = ""  # Image.format, for pictures

    @property
    def extensions(self) -> tuple[str, ...]:
        return (self.extension, *self.aliases)


JPEG = FileKind("jpg", "image/jpeg", _("Ảnh JPEG"), ("jpeg",), "JPEG")
PNG = FileKind("png", "image/png", _("Ảnh PNG"), (), "PNG")
GIF = FileKind("gif", "image/gif", _("Ảnh GIF"), (), "GIF")
WEBP = FileKind("webp", "image/webp", _("Ảnh WebP"), (), "WEBP")
PDF = FileKind("pdf", "application/pdf", _("Tài liệu PDF"))
DOC = FileKind("doc", "application/msword", _("Tài liệu Word"))
DOCX = FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", _("Tài liệu Word"))
MP4 = FileKind("mp4", "video/mp4", _("Video MP4"))
WEBM = FileKind("webm", "video/webm", _("Video WebM"))

IMAGES = (JPEG, PNG, GIF, WEBP)
DOCUMENTS = (PDF, DOC, DOCX)
VIDEOS = (MP4, WEBM)
KINDS = (*IMAGES, *DOCUMENTS, *VIDEOS)

_BY_EXTENSION = {extension: kind for kind in KINDS for extension in kind.extensions}
_BY_PILLOW_FORMAT = {kind.pillow_format: kind for kind in IMAGES}

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the container of Word 97-2003 files
_ZIP = b"PK\x03\x04"
_EBML = b"\x1a\x45\xdf\xa3"  # Matroska, of which WebM is a profile
# ISO media files that are pictures, not videos (HEIC, AVIF): same "ftyp" box, other brand.
_PICTURE_BRANDS = {b"heic", b"heix", b"mif1", b"msf1", b"avif", b"avis"}


def by_extension(extension: str) -> FileKind | None:
    """The kind an extension names: "docx", ".DOCX" give DOCX; "jpeg" gives JPEG."""
    return _BY_EXTENSION.get(extension.lower().removeprefix("."))


def by_name(name: str) -> FileKind | None:
    """The kind a file name claims by its extension ("Báo cáo.DOCX" gives DOCX), or None: a claim, not a proof."""
    _stem, dot, extension = name.rpartition(".")
    return by_extension(extension) if dot else None


def by_pillow_format(image_format: str | None) -> FileKind | None:
    """The picture kind of a Pillow ``Image.format`` ("JPEG"), or None for a format the portal does not take."""
    return _BY_PILLOW_FORMAT.get(image_format or "")


def accept_attribute(kinds) -> str:
    """The ``accept`` of a file input offering ``kinds``: ".jpg,.jpeg,...,image/jpeg,..." (a hint, not a check)."""
    extensions = [f".{extension}" for kind in kinds for extension in kind.extensions]
    return ",".join([*extensions, *dict.fromkeys(kind.content_type for kind in kinds)])


def sniff(head: bytes) -> FileKind | None:
    """The kind a file's first bytes announce. A ZIP is not answered here: only its inside tells DOCX apart."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(_OLE2):
        return DOC
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] not in _PICTURE_BRANDS:
        return MP4
    if head.startswith(_EBML):
        return WEBM
    return None


def detect(file) -> FileKind | None:
    """The kind ``file`` (open, binary, seekable) really is, or None; its position is left where it was.

    Beyond the signature the structure is checked where a signature proves little: a Word file is a ZIP holding
    ``word/document.xml``; a picture must be one Pillow can read through (``verify`` decodes no pixels).
    """
    position = file.tell()
    try:
        file.seek(0)
        head = file.read(HEAD_SIZE)
        file.seek(0)
        if head.startswith(_ZIP):
            return DOCX if _is_word_archive(file) else None
        kind = sniff(head)
        if kind in IMAGES and _picture_format(file) != kind.pillow_format:
            return None
        return kind
    finally:
        file.seek(position)


def is_really(file, kind: FileKind) -> bool:
    """Whether ``file``'s content is of ``kind`` (the one its name claims, say)."""
    return detect(file) == kind


def _is_word_archive(file) -> bool:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    return {"[Content_Types].xml", "word/document.xml"} <= names


def _picture_format(file) -> str | None:
    try:
        with Image.open(file) as image:
            image.verify()
            return image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
