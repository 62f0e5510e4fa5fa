"""Validation of attached documents: real PDFs (or Word files where allowed), within a size limit."""

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from portal.uploads import filekinds

MAX_DOCUMENT_MB = 20


@deconstructible
class DocumentFileValidator:
    """The name must say an allowed kind ("pdf", "doc", "docx") and the content must really be that kind."""

    def __init__(self, allowed=("pdf",), max_mb=MAX_DOCUMENT_MB):
        self.allowed = tuple(allowed)
        self.max_mb = max_mb

    def __call__(self, file):
        if file.size > self.max_mb * 1024 * 1024:
            raise ValidationError(_("Tệp quá lớn: tối đa %(mb)s MB."), code="too_large", params={"mb": self.max_mb})
        kind = filekinds.by_name(file.name)
        if kind is None or kind.extension not in self.allowed:
            raise ValidationError(
                _("Chỉ nhận tệp %(kinds)s."),
                code="bad_extension",
                params={"kinds": ", ".join(k.upper() for k in self.allowed)},
            )
        if not filekinds.is_really(file, kind):
            raise ValidationError(
                _("Tệp không phải là %(kind)s hợp lệ."), code="bad_content", params={"kind": kind.extension.upper()}
            )

    def __eq__(self, other):
        return isinstance(other, DocumentFileValidator) and (self.allowed, self.max_mb) == (other.allowed, other.max_mb)
