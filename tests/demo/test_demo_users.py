import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from portal.roles import ADMINISTRATOR, EDITOR, WRITER

pytestmark = pytest.mark.django_db


def test_demo_users_creates_an_administrator_and_an_editor_once(settings, tmp_path, monkeypatch):
    settings.SQLITE_PATH = tmp_path / "db.sqlite3"
    monkeypatch.setenv("ADMIN_PASSWORD", "mat-khau-quan-tri-1")
    monkeypatch.delenv("EDITOR_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("demo_users", stdout=out)
    call_command("demo_users", stdout=out)

    User = get_user_model()
    admin = User.objects.get(username="admin")
    editor = User.objects.get(username="bientap")
    assert admin.is_superuser and admin.check_password("mat-khau-quan-tri-1")
    assert list(admin.groups.values_list("name", flat=True)) == [ADMINISTRATOR]
    assert editor.is_staff and not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == [EDITOR]
    writer = User.objects.get(username="phongvien")
    assert list(writer.groups.values_list("name", flat=True)) == [WRITER]
    assert User.objects.count() == 3
    # The generated editor password is printed on every run and kept for the next one.
    saved = dict(line.split(" ", 1) for line in (tmp_path / "demo-logins.txt").read_text().splitlines())
    assert editor.check_password(saved["bientap"])
    assert out.getvalue().count(f"bientap / mật khẩu {saved['bientap']}") == 2
