"""Validation of attached documents: real PDFs (or Word files where allowed), within a size limit."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MAX_DOCUMENT_MB = 20

# Magic numbers: the file's first bytes decide, not its name.
_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
}


@deconstructible
class DocumentFileValidator:
    def __init__(self, allowed=("pdf",), max_mb=MAX_DOCUMENT_MB):
        self.allowed = tuple(allowed)
        self.max_mb = max_mb

    def __call__(self, file):
        if file.size > self.max_mb * 1024 * 1024:
            raise ValidationError(_("Tệp quá lớn: tối đa %(mb)s MB."), code="too_large", params={"mb": self.max_mb})
        extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
        if extension not in self.allowed:
            raise ValidationError(
                _("Chỉ nhận tệp %(kinds)s."),
                code="bad_extension",
                params={"kinds": ", ".join(k.upper() for k in self.allowed)},
            )
        position = file.tell() if hasattr(file, "tell") else 0
        file.seek(0)
        head = file.read(8)
        file.seek(position)
        if not head.startswith(_SIGNATURES[extension]):
            raise ValidationError(
                _("Tệp không phải là %(kind)s hợp lệ."), code="bad_content", params={"kind": extension.upper()}
            )

    def __eq__(self, other):
        return isinstance(other, DocumentFileValidator) and (self.allowed, self.max_mb) == (other.allowed, other.max_mb)
