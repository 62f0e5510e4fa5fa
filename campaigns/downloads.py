"""Downloads of campaign and directing documents: a safe content type, an ASCII file name, never rendered inline.

The file's first bytes must still match its kind when it is served (a file stored before the upload check
existed, or swapped on disk, is refused rather than sent with a misleading type).
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from portal.text import vietnamese_slugify

from .models import Campaign, Document
from .validators import _SIGNATURES

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _serve(fieldfile, download_name: str) -> FileResponse:
    extension = fieldfile.name.rsplit(".", 1)[-1].lower() if "." in fieldfile.name else ""
    if extension not in CONTENT_TYPES:
        raise Http404(_("Không tìm thấy tệp văn bản."))
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError:
        raise Http404(_("Không tìm thấy tệp văn bản.")) from None
    head = handle.read(8)
    handle.seek(0)
    if not head.startswith(_SIGNATURES[extension]):
        handle.close()
        raise Http404(_("Không tìm thấy tệp văn bản."))
    response = FileResponse(
        handle, as_attachment=True, filename=f"{download_name}.{extension}", content_type=CONTENT_TYPES[extension]
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def campaign_document(request, slug):
    """The campaign's own document (the directive or conclusion itself), always a PDF."""
    campaign = get_object_or_404(Campaign, slug=slug)
    if not campaign.document:
        raise Http404(_("Chương trình này chưa có văn bản đính kèm."))
    return _serve(campaign.document, vietnamese_slugify(campaign.code, max_length=60) or "van-ban")


def document_file(request, slug):
    document = get_object_or_404(Document, slug=slug)
    if not document.file:
        raise Http404(_("Văn bản này chưa có tệp đính kèm."))
    return _serve(document.file, document.file_name.rsplit(".", 1)[0])
