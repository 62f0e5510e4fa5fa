"""``manage.py backup`` and ``manage.py restore``: a portal round-trips into an empty database and empty folders.

The portal is written in the test database; the backup is restored into a second, fresh database (a new SQLite
file, or a new PostgreSQL database made here) through a database alias of its own, and into new media folders.
"""

import copy
import datetime
import hashlib
import io
import json
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader
from django.db.utils import load_backend
from PIL import Image

from campaigns.models import Document
from news.comments.models import Comment
from news.models import Article
from news.viewcounts.models import ArticleDailyViews
from tests.factories import make_article, make_document

pytestmark = pytest.mark.django_db(transaction=True)  # pg_dump and the SQLite copy see committed rows only

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def make_portal() -> dict:
    """Articles with a cover, a comment with a private attachment, a document with a PDF, daily views."""
    article = make_article("Hội nghị sơ kết học tập và làm theo Bác")
    article.cover.save("bia-hoi-nghi.png", ContentFile(png_bytes()))
    make_article("Bài không có ảnh")
    comment = Comment(article=article, name="Nguyễn Văn An", email="an@example.vn", text="Ý kiến đóng góp.")
    comment.attachment_type = "pdf"
    comment.attachment_name = "gop-y.pdf"
    comment.attachment.save("gop-y.pdf", ContentFile(PDF))
    document = make_document("12-KH/ĐU")
    document.file.save("ke-hoach.pdf", ContentFile(PDF))
    Article.objects.filter(pk=article.pk).update(view_count=42)
    ArticleDailyViews.objects.create(article=article, day=datetime.date(2026, 11, 29), views=30)
    ArticleDailyViews.objects.create(article=article, day=datetime.date(2026, 11, 30), views=12)
    return {"cover": article.cover.name, "attachment": comment.attachment.name, "document": document.file.name}


def rows(using: str) -> dict:
    """Counts and key fields of what the round trip must keep."""
    return {
        "articles": list(
            Article.objects.using(using).order_by("pk").values_list("slug", "title", "cover", "view_count")
        ),
        "comments": list(
            Comment.objects.using(using).order_by("pk").values_list("text", "attachment", "attachment_name")
        ),
        "documents": list(Document.objects.using(using).order_by("pk").values_list("number", "number_key", "file")),
        "daily_views": list(
            ArticleDailyViews.objects.using(using).order_by("pk").values_list("article__slug", "day", "views")
        ),
        "groups": Group.objects.using(using).count(),
        "users": User.objects.using(using).count(),
    }


def checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


@contextmanager
def database_alias(alias: str, **changes):
    """A second database alias, like the test database but for ``changes`` (its NAME), removed after.

    Made outside ``settings.DATABASES`` (a connection created on the fly), so the test case allows it.
    """
    settings_dict = {**copy.deepcopy(connection.settings_dict), **changes}
    connections[alias] = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias)
    try:
        yield alias
    finally:
        connections[alias].close()
        del connections[alias]


@contextmanager
def fresh_database():
    """An empty database to restore into: a new SQLite file, or a new PostgreSQL database."""
    if connection.vendor == "sqlite":
        with database_alias("restored", NAME=str(Path(settings.MEDIA_ROOT).parent / f"{uuid.uuid4().hex}.sqlite3")):
            yield "restored"
            Path(connections["restored"].settings_dict["NAME"]).unlink(missing_ok=True)
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    quoted = connection.ops.quote_name(name)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")
        cursor.execute(f"CREATE DATABASE {quoted}")
    options = {k: v for k, v in connection.settings_dict["OPTIONS"].items() if k != "pool"}
    try:
        with database_alias("restored", NAME=name, OPTIONS=options):
            yield "restored"
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)")


@pytest.fixture
def empty_folders(settings, tmp_path):
    """Where the restored media go: new, empty MEDIA_ROOT and PRIVATE_MEDIA_ROOT (the settings at restore time)."""
    return {"media": tmp_path / "restored-media", "private": tmp_path / "restored-private"}


def restore_into(alias, backup, folders, settings, **options):
    settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT = folders["media"], folders["private"]
    call_command("restore", str(backup), database=alias, verbosity=0, **options)


def round_trip(tmp_path, settings, empty_folders):
    files = make_portal()
    before = rows("default")
    sources = {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}
    source_sums = {name: checksums(root) for name, root in sources.items()}
    call_command("backup", str(tmp_path / "backup"), verbosity=0)
    with fresh_database() as alias:
        restore_into(alias, tmp_path / "backup", empty_folders, settings)
        assert rows(alias) == before
    assert {name: checksums(root) for name, root in empty_folders.items()} == source_sums
    restored = checksums(empty_folders["media"])
    assert files["cover"] in restored and files["document"] in restored
    assert files["attachment"] in checksums(empty_folders["private"])
    assert before["articles"][0][3] == 42 and len(before["daily_views"]) == 2


class BackupRoundTripTests:
    def test_sqlite_round_trip_into_a_fresh_file_database(self, tmp_path, settings, empty_folders):
        if connection.vendor != "sqlite":
            pytest.skip("the SQLite online backup API; the PostgreSQL round trip is the test below")
        round_trip(tmp_path, settings, empty_folders)

    @pytest.mark.postgres("pg_dump/pg_restore")
    def test_postgresql_round_trip_into_a_new_database(self, tmp_path, settings, empty_folders):
        round_trip(tmp_path, settings, empty_folders)

    def test_manifest_lists_versions_migrations_and_every_file(self, tmp_path):
        files = make_portal()
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        manifest = json.loads((tmp_path / "backup" / "manifest.json").read_text())
        assert manifest["database"]["vendor"] == connection.vendor
        assert manifest["versions"]["django"] and manifest["versions"]["app"]
        leaves = MigrationLoader(connection).graph.leaf_nodes()
        assert manifest["migrations"] == sorted([app, name] for app, name in leaves)
        assert any(app == "news" for app, _name in manifest["migrations"])
        listed = manifest["files"]
        assert {f"media/{files['cover']}", f"media/{files['document']}", f"private/{files['attachment']}"} <= set(
            listed
        )
        cover = tmp_path / "backup" / "media" / files["cover"]
        assert listed[f"media/{files['cover']}"] == {
            "sha256": hashlib.sha256(cover.read_bytes()).hexdigest(),
            "size": cover.stat().st_size,
        }

    def test_backup_refuses_a_folder_that_already_holds_something(self, tmp_path):
        (tmp_path / "backup").mkdir()
        (tmp_path / "backup" / "old.txt").write_text("cũ")
        with pytest.raises(CommandError, match="đã có dữ liệu"):
            call_command("backup", str(tmp_path / "backup"), verbosity=0)

    def test_backup_refuses_a_folder_inside_the_public_media(self, settings):
        inside = Path(settings.MEDIA_ROOT) / "sao-luu"
        with pytest.raises(CommandError, match="bên ngoài"):
            call_command("backup", str(inside), verbosity=0)
        assert not inside.exists()


class RestoreRefusalTests:
    def test_refuses_a_non_empty_database_and_folders_without_force(self, tmp_path, settings):
        make_portal()
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        Article.objects.filter(view_count=42).update(view_count=43)
        with pytest.raises(CommandError, match="--force") as refused:
            call_command("restore", str(tmp_path / "backup"), verbosity=0)
        assert "cơ sở dữ liệu" in str(refused.value) and str(settings.MEDIA_ROOT) in str(refused.value)
        assert Article.objects.filter(view_count=43).exists()  # untouched

    def test_force_replaces_what_the_target_holds(self, tmp_path, settings, empty_folders):
        make_portal()
        before = rows("default")
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        with fresh_database() as alias:
            restore_into(alias, tmp_path / "backup", empty_folders, settings)
            Article.objects.using(alias).update(view_count=7)
            with pytest.raises(CommandError, match="--force"):
                restore_into(alias, tmp_path / "backup", empty_folders, settings)
            restore_into(alias, tmp_path / "backup", empty_folders, settings, force=True)
            assert rows(alias) == before

    def test_a_corrupted_file_is_found_by_its_checksum_and_nothing_is_restored(self, tmp_path, settings, empty_folders):
        files = make_portal()
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        damaged = tmp_path / "backup" / "private" / files["attachment"]
        content = bytearray(damaged.read_bytes())
        content[10] ^= 0xFF  # same size, other bytes
        damaged.write_bytes(bytes(content))
        with fresh_database() as alias:
            with pytest.raises(CommandError, match=f"private/{files['attachment']}: sai mã SHA-256"):
                restore_into(alias, tmp_path / "backup", empty_folders, settings)
            with connections[alias].cursor() as cursor:
                assert connections[alias].introspection.table_names(cursor) == []
        assert not empty_folders["media"].exists()

    def test_a_folder_without_a_manifest_is_not_a_backup(self, tmp_path, settings, empty_folders):
        make_portal()
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        (tmp_path / "backup" / "manifest.json").unlink()
        with pytest.raises(CommandError, match="không phải một bản sao lưu hoàn chỉnh"):
            restore_into("default", tmp_path / "backup", empty_folders, settings)

    def test_an_unreadable_manifest_is_refused_with_a_message(self, tmp_path, settings, empty_folders):
        make_portal()
        call_command("backup", str(tmp_path / "backup"), verbosity=0)
        (tmp_path / "backup" / "manifest.json").write_text('{"files": "nothing"}')
        with pytest.raises(CommandError, match=r"manifest\.json hỏng"):
            restore_into("default", tmp_path / "backup", empty_folders, settings)
