"""Files that are whole or absent: a write the disk refuses (full, read-only) leaves nothing behind.

Django's ``FileSystemStorage`` creates the file, then writes it chunk by chunk; when the disk fills up halfway
the error goes up and a zero-byte or partial file stays in MEDIA_ROOT, named like a real upload. This storage
removes what it created before letting the error go up, and ``STORED_NOWHERE`` is the one message the admin and
the editor show for it. A leaf module: it imports no app of the project.
"""

import logging

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _
from storages.backends.s3 import S3Storage

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


def _as_os_error(method):
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (BotoCoreError, ClientError) as error:
            raise OSError(f"object storage: {error}") from error

    return guarded


class WholeS3Storage(S3Storage):
    """django-storages' S3 storage (MEDIA_STORAGE=s3) whose failures are ``OSError``, as a refusing disk's are.

    An object is stored whole or not at all (one PUT, or a multipart upload completed at the end), so only the
    error needs changing: an unreachable or refusing object store then meets the same handling as a full disk (the
    admin's form error, the editor's JSON message, ``STORED_NOWHERE``) instead of an error page.
    """

    # An object store that does not answer costs an upload seconds (then the form says so), not minutes of retries.
    FAIL_FAST = Config(connect_timeout=3, read_timeout=20, retries={"max_attempts": 2, "mode": "standard"})

    def __init__(self, **settings):
        super().__init__(**settings)
        self.client_config = self.client_config.merge(self.FAIL_FAST)

    _save = _as_os_error(S3Storage._save)
    _open = _as_os_error(S3Storage._open)
    exists = _as_os_error(S3Storage.exists)
    delete = _as_os_error(S3Storage.delete)
