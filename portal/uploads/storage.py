"""Files on disk that are whole or absent: a write the disk refuses (full, read-only) leaves nothing behind.

Django's ``FileSystemStorage`` creates the file, then writes it chunk by chunk; when the disk fills up halfway
the error goes up and a zero-byte or partial file stays in MEDIA_ROOT, named like a real upload. This storage
removes what it created before letting the error go up, and ``STORED_NOWHERE`` is the one message the admin and
the editor show for it. A leaf module: it imports no app of the project.
"""

import logging

from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

STORED_NOWHERE = _(
    "Không lưu được tệp: ổ đĩa của máy chủ đã đầy hoặc không cho ghi. Chưa có gì được lưu; "
    "hãy thử lại sau hoặc báo cho quản trị viên."
)


class WholeFileSystemStorage(FileSystemStorage):
    """``FileSystemStorage`` that removes a file it could not finish writing."""

    def _save(self, name, content):
        existed = self.exists(name)
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise  # someone else's file: never ours to remove
        except OSError:
            if not existed and self.exists(name):
                self.delete(name)
                logger.warning("Removed the partial file %s after a failed write", name)
            raise
