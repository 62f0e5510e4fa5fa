"""Where the editor's uploaded images go: editor/YYYY/MM/<ascii-name>, never the original Vietnamese name.

On the machine's disk (`EditorImageStorage`), or in S3-compatible object storage (`EditorImageS3Storage`, with
MEDIA_STORAGE=s3): the same names either way.
"""

import posixpath

from django.utils import timezone

from portal.text import vietnamese_slugify
from portal.uploads.storage import WholeFileSystemStorage, WholeS3Storage


class EditorImageNames:
    def get_available_name(self, name, max_length=None):
        stem, _, extension = posixpath.basename(name).rpartition(".")
        if not stem:
            stem, extension = extension, "jpg"
        safe = vietnamese_slugify(stem, max_length=60) or "anh"
        today = timezone.localdate()
        name = f"editor/{today:%Y}/{today:%m}/{safe}.{extension.lower()}"
        return super().get_available_name(name, max_length=max_length)


class EditorImageStorage(EditorImageNames, WholeFileSystemStorage):
    pass


class EditorImageS3Storage(EditorImageNames, WholeS3Storage):
    pass
