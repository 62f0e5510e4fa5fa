"""Pictures of the news: renditions of article covers and the editor's upload endpoint.

- Checking and cleaning (real images only, size and pixel limits, EXIF dropped, turned upright) is the portal's
  one rule for every picture, ``portal.uploads.pictures``; this module adds what only articles need.
- Renditions for the list, the article and the social card are made on save, tied to the stored picture by its
  whole name in a folder no upload reaches (``renditions/covers/2026/11/anh.jpg/w640.jpg``); templates offer
  them through ``srcset``. ``manage.py make_renditions`` makes the missing ones (after a restore, or an upgrade).
"""

import logging
import posixpath
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_ckeditor_5.storage_utils import get_django_storage

from portal.uploads.pictures import read_image
from portal.uploads.renditions import (  # noqa: F401 (the names other modules import from here)
    RENDITIONS,
    RENDITIONS_ROOT,
    make_renditions,
    make_renditions_of,
    remove_with_renditions,
    rendition_name,
    rendition_url,
    srcset,
)
from portal.uploads.storage import STORED_NOWHERE

logger = logging.getLogger(__name__)

EDITOR_WIDTHS = ("w320", "w640", "w1200")  # for the article body's srcset (responsive_images); no social card


@require_POST
def editor_image_upload(request):
    """CKEditor 5's upload endpoint, with the portal's picture checks in place of the package's own (a name check).

    Every refusal is JSON CKEditor shows to the writer: ``{"error": {"message": "..."}}``.
    """
    if not request.user.is_active or not request.user.is_staff:
        return _refusal(_("Bạn không có quyền tải ảnh lên."), status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _refusal(_("Chưa chọn ảnh."), status=400)
    try:
        content, kind = read_image(upload)
    except ValidationError as error:
        return _refusal(error.messages[0], status=400)
    storage = get_django_storage()
    stem = posixpath.splitext(posixpath.basename(upload.name))[0] or "anh"
    name = ""
    try:
        name = storage.save(f"{stem}.{kind.extension}", ContentFile(content))
        # The copies through the plain media storage: the editor's storage renames every file it is given.
        make_renditions_of(default_storage, name, keys=EDITOR_WIDTHS)
    except OSError:
        logger.exception("An editor picture could not be stored")
        remove_with_renditions(default_storage, name)
        return _refusal(str(STORED_NOWHERE), status=507)
    return JsonResponse({"url": storage.url(name)})


def _refusal(message: str, *, status: int) -> JsonResponse:
    return JsonResponse({"error": {"message": message}}, status=status)


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
