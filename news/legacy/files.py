"""The saved files: which ones a command line names, and their text in whichever encoding a browser saved."""

from pathlib import Path

from django.utils.translation import gettext as _

MAX_FILE_BYTES = 5 * 1024 * 1024
SUFFIXES = {".html", ".htm", ".txt"}


class LegacyError(Exception):
    """A file that cannot be imported; the message says why, in Vietnamese."""


def legacy_files(paths: list[str]) -> list[Path]:
    """The files named, and the .html/.htm/.txt files inside the folders named, in a stable order."""
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found


def read_text(path: Path) -> str:
    """The file's text (UTF-8, with or without BOM, or UTF-16 with BOM); LegacyError says why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LegacyError(_("Tệp quá lớn (%(mb).1f MB), tối đa 5 MB.") % {"mb": size / 1024 / 1024})
        raw = path.read_bytes()
    except FileNotFoundError:
        raise LegacyError(_("Không tìm thấy tệp.")) from None
    except IsADirectoryError:
        raise LegacyError(_("Đây là thư mục, không phải tệp.")) from None
    except PermissionError:
        raise LegacyError(_("Không có quyền đọc tệp.")) from None
    except OSError as error:
        raise LegacyError(_("Không đọc được tệp: %(error)s") % {"error": error.strerror or error}) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:4096]:
        raise LegacyError(_("Tệp nhị phân, không phải văn bản hay HTML."))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LegacyError(_("Tệp không phải mã UTF-8 (hãy lưu lại trang với mã UTF-8).")) from None
