"""Readers' comment attachments: the rule is the one for every reader's file (``portal.uploads.attachments``).

``private_storage`` and ``attachment_path`` stay importable from here: the comment migrations name them.
"""

from portal.uploads.attachments import (  # noqa: F401 (re-exported for the migrations and the app)
    ATTACHMENT_KINDS,
    KINDS_BY_EXTENSION,
    MAX_ATTACHMENT_SIZE,
    private_storage,
    random_name,
    validate_attachment,
)


def attachment_path(instance, filename: str) -> str:
    """A random ASCII name with the extension of the real type (set by the form as ``instance.attachment_type``)."""
    return random_name("comments", instance.attachment_type)
