"""What a backup holds and how to check it: ``manifest.json``, written last, with each file's SHA-256 and size.

A folder without a manifest is an unfinished backup (the run failed or is still going) and is never restored.
"""

import datetime
import hashlib
import json
import platform
import tomllib
from collections.abc import Iterator
from pathlib import Path

import django
from django.conf import settings
from django.db.migrations.loader import MigrationLoader

MANIFEST = "manifest.json"
FORMAT = 1
CHUNK = 1024 * 1024


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def regular_files(root: Path) -> Iterator[Path]:
    """Every regular file under ``root``, in a stable order; symbolic links are not followed."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def describe_files(directory: Path) -> dict[str, dict]:
    """Relative path (with /) -> {"sha256", "size"} for every file of the backup but the manifest."""
    return {
        path.relative_to(directory).as_posix(): {"sha256": sha256(path), "size": path.stat().st_size}
        for path in regular_files(directory)
        if path.relative_to(directory).as_posix() != MANIFEST
    }


def app_version() -> str:
    with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as stream:
        return tomllib.load(stream)["project"]["version"]


def migration_leaves(connection) -> list[list[str]]:
    """The last migration of each app in the code, as [app, name] pairs."""
    return sorted([app, name] for app, name in MigrationLoader(connection).graph.leaf_nodes())


def build(*, directory: Path, connection) -> dict:
    return {
        "format": FORMAT,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "versions": {"app": app_version(), "django": django.get_version(), "python": platform.python_version()},
        "database": {"engine": connection.settings_dict["ENGINE"], "vendor": connection.vendor},
        "migrations": migration_leaves(connection),
        "files": describe_files(directory),
    }


def write(directory: Path, manifest: dict) -> None:
    text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True)
    (directory / MANIFEST).write_text(text + "\n", encoding="utf-8")


def read(directory: Path) -> dict | None:
    """The manifest, or None when the folder has none (not a finished backup); ValueError when it is unreadable."""
    path = directory / MANIFEST
    if not path.is_file():
        return None
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(str(error)) from error
    if not isinstance(found, dict) or not _is_well_formed(found):
        raise ValueError("not a backup manifest")
    return found


def _is_well_formed(found: dict) -> bool:
    files, database = found.get("files"), found.get("database")
    return (
        isinstance(files, dict)
        and all(isinstance(e, dict) and {"sha256", "size"} <= set(e) for e in files.values())
        and isinstance(database, dict)
        and isinstance(database.get("vendor"), str)
        and isinstance(found.get("migrations"), list)
    )


def is_safe_name(name: str) -> bool:
    """A manifest entry names a file inside the backup: relative, without "..", never the manifest."""
    parts = Path(name).parts
    return bool(parts) and not Path(name).is_absolute() and ".." not in parts and name != MANIFEST


def damaged_files(directory: Path, manifest: dict) -> list[tuple[str, str]]:
    """(file, what is wrong) for each listed file that is missing, or whose size or SHA-256 differs."""
    problems = []
    for name, expected in sorted(manifest["files"].items()):
        path = directory / name
        if not is_safe_name(name):
            problems.append((name, "name"))
        elif not path.is_file():
            problems.append((name, "missing"))
        elif path.stat().st_size != expected["size"]:
            problems.append((name, "size"))
        elif sha256(path) != expected["sha256"]:
            problems.append((name, "sha256"))
    return problems
