"""Writing a backup of the portal and restoring one: the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT.

A backup is a folder::

    manifest.json       written last: time, versions, database engine, migrations, each file's SHA-256 and size
    database.dump       pg_dump's custom format (PostgreSQL), or database.sqlite3 (SQLite)
    media/...           a copy of MEDIA_ROOT (covers, editor images, documents)
    private/...         a copy of PRIVATE_MEDIA_ROOT (readers' comment attachments)

The database is copied first and the files after it, so every file a row names is in the copy (files are only
ever added; one uploaded meanwhile is an unused extra). Pending views are written from Redis before anything.
"""

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import redis
from django.conf import settings
from django.db import connections
from django.utils.translation import gettext as _

from news.viewcounts.buffer import get_buffer

from . import database, manifest


class BackupError(Exception):
    """A backup or a restore that cannot go on; the message is for the operator."""


@dataclass
class Outcome:
    files: int = 0
    size: int = 0
    views_flushed: int = 0
    warnings: list[str] = field(default_factory=list)


def media_folders() -> dict[str, Path]:
    """Folder name in the backup -> the folder it copies."""
    return {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}


def create_backup(*, directory: Path, using: str = "default") -> Outcome:
    connection = connections[using]
    if not database.is_supported(connection.vendor):
        raise BackupError(_("Không sao lưu được cơ sở dữ liệu loại %(vendor)s.") % {"vendor": connection.vendor})
    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise BackupError(
            _("Thư mục %(dir)s đã có dữ liệu: hãy chọn một thư mục mới cho mỗi bản sao lưu.") % {"dir": directory}
        )
    for root in media_folders().values():
        if directory.resolve().is_relative_to(root.resolve()):
            # A backup under MEDIA_ROOT would be served to anyone, password hashes and all.
            raise BackupError(
                _("Không đặt bản sao lưu trong %(root)s: hãy chọn một thư mục bên ngoài.") % {"root": root}
            )
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # it holds e-mail addresses and password hashes
    outcome = Outcome()
    _flush_views(outcome)
    try:
        database.dump(connection, directory / database.dump_name(connection.vendor))
    except database.DatabaseToolError as error:
        raise BackupError(_("Không sao lưu được cơ sở dữ liệu: %(error)s") % {"error": error}) from error
    for name, root in media_folders().items():
        _copy_tree(root, directory / name)
    written = manifest.build(directory=directory, connection=connection)
    manifest.write(directory, written)
    outcome.files = len(written["files"])
    outcome.size = sum(entry["size"] for entry in written["files"].values())
    return outcome


def restore_backup(*, directory: Path, using: str = "default", force: bool = False) -> Outcome:
    """Check the backup in full, then load it into an empty database and empty media folders."""
    connection = connections[using]
    found = _checked_manifest(directory)
    vendor = found["database"]["vendor"]
    if vendor != connection.vendor or not database.is_supported(vendor):
        raise BackupError(
            _("Bản sao lưu là của %(backup)s, cơ sở dữ liệu đích là %(target)s: không khôi phục được.")
            % {"backup": vendor, "target": connection.vendor}
        )
    occupied = _occupied(connection)
    if occupied and not force:
        raise BackupError(
            _("Nơi khôi phục không trống: %(what)s. Chạy lại với --force để ghi đè.") % {"what": "; ".join(occupied)}
        )
    try:
        database.restore(connection, directory / database.dump_name(vendor), replace=bool(occupied))
    except database.DatabaseToolError as error:
        raise BackupError(_("Không khôi phục được cơ sở dữ liệu: %(error)s") % {"error": error}) from error
    outcome = Outcome()
    folders = media_folders()
    for name, entry in found["files"].items():
        folder, _slash, relative = name.partition("/")
        if folder in folders and relative:
            target = folders[folder] / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(directory / name, target)
            outcome.files += 1
            outcome.size += entry["size"]
    if found["migrations"] != manifest.migration_leaves(connection):
        outcome.warnings.append(
            _("Bản sao lưu được tạo với các migration khác mã nguồn hiện tại: chạy “manage.py migrate” rồi kiểm tra.")
        )
    return outcome


def _flush_views(outcome: Outcome) -> None:
    buffer = get_buffer()
    if buffer is None:
        return
    try:
        outcome.views_flushed = buffer.flush()
    except redis.RedisError as error:
        outcome.warnings.append(
            _(
                "Không ghi được các lượt xem đang chờ trong Redis (%(error)s): bản sao lưu thiếu lượt xem của "
                "vài phút cuối; chúng vẫn nằm trong Redis và sẽ được ghi vào cơ sở dữ liệu đang chạy."
            )
            % {"error": error}
        )


def _copy_tree(root: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    if not root.is_dir():
        return
    for path in manifest.regular_files(root):
        destination = target / path.relative_to(root)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)


def _checked_manifest(directory: Path) -> dict:
    if not directory.is_dir():
        raise BackupError(_("Không có thư mục %(dir)s.") % {"dir": directory})
    try:
        found = manifest.read(directory)
    except ValueError as error:
        raise BackupError(
            _("%(manifest)s hỏng (%(error)s): không khôi phục gì.") % {"manifest": manifest.MANIFEST, "error": error}
        ) from error
    if found is None:
        raise BackupError(
            _("%(dir)s không có %(manifest)s: đây không phải một bản sao lưu hoàn chỉnh.")
            % {"dir": directory, "manifest": manifest.MANIFEST}
        )
    problems = manifest.damaged_files(directory, found)
    if problems:
        reasons = {
            "missing": _("thiếu tệp"),
            "size": _("sai kích thước"),
            "sha256": _("sai mã SHA-256"),
            "name": _("tên không hợp lệ"),
        }
        listed = "; ".join(f"{name}: {reasons[reason]}" for name, reason in problems)
        raise BackupError(_("Bản sao lưu bị hỏng, không khôi phục gì: %(files)s.") % {"files": listed})
    vendor = found["database"]["vendor"]
    if not database.is_supported(vendor) or database.dump_name(vendor) not in found["files"]:
        raise BackupError(_("Bản sao lưu không có tệp cơ sở dữ liệu."))
    return found


def _occupied(connection) -> list[str]:
    """What already holds data where the backup would go (the database, the media folders)."""
    occupied = []
    if tables := database.table_names(connection):
        occupied.append(
            _("cơ sở dữ liệu %(name)s có %(count)s bảng")
            % {"name": connection.settings_dict["NAME"], "count": len(tables)}
        )
    for root in media_folders().values():
        if root.is_dir() and any(root.iterdir()):
            occupied.append(_("thư mục %(dir)s có tệp") % {"dir": root})
    return occupied
