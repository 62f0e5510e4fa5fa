"""Downloads of campaign and directing documents: a safe content type, an ASCII file name, never rendered inline.

The file's first bytes must still match its kind when it is served (a file stored before the upload check
existed, or swapped on disk, is refused rather than sent with a misleading type).
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from portal.text import vietnamese_slugify
from portal.uploads import filekinds

from .models import Campaign, Document


def _serve(fieldfile, download_name: str) -> FileResponse:
    kind = filekinds.by_name(fieldfile.name)
    if kind not in filekinds.DOCUMENTS:
        raise Http404(_("Không tìm thấy tệp văn bản."))
    try:
        handle = fieldfile.open("rb")
    except FileNotFoundError:
        raise Http404(_("Không tìm thấy tệp văn bản.")) from None
    if not filekinds.is_really(handle, kind):
        handle.close()
        raise Http404(_("Không tìm thấy tệp văn bản."))
    response = FileResponse(
        handle, as_attachment=True, filename=f"{download_name}.{kind.extension}", content_type=kind.content_type
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
