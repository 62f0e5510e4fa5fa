"""The audit log: sign-ins, password changes, roles and permissions, with who did it; read-only, admins only."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from portal.accounts.models import AuditEvent
from portal.roles import EDITOR, WRITER

pytestmark = pytest.mark.django_db

Action = AuditEvent.Action


def _events(action):
    return list(AuditEvent.objects.filter(action=action).order_by("id").values_list("target", "actor_name", "detail"))


def _user_form(user, **changes):
    data = {
        "username": user.username,
        "is_active": "on",
        "is_staff": "on",
        "groups": [g.pk for g in user.groups.all()],
        "user_permissions": [],
        "date_joined_0": "01/01/2026",
        "date_joined_1": "08:00:00",
        "initial-date_joined_0": "01/01/2026",
        "initial-date_joined_1": "08:00:00",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_an_administrator_giving_a_writer_the_editor_role_is_logged(client, administrator, writer):
    client.force_login(administrator)
    editors = Group.objects.get(name=EDITOR)
    response = client.post(reverse("admin:auth_user_change", args=[writer.pk]), _user_form(writer, groups=[editors.pk]))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert sorted(_events(Action.GROUPS_CHANGED)[-2:]) == [
        ("phongvien", "quantri", f"Bỏ: {WRITER}"),
        ("phongvien", "quantri", f"Thêm: {EDITOR}"),
    ]


def test_making_someone_a_superuser_is_logged(client, administrator, writer):
    client.force_login(administrator)
    client.post(reverse("admin:auth_user_change", args=[writer.pk]), _user_form(writer, is_superuser="on"))
    assert _events(Action.FLAGS_CHANGED)[-1] == ("phongvien", "quantri", "siêu quản trị: có")


def test_a_group_getting_a_permission_is_logged(client, administrator):
    writers = Group.objects.get(name=WRITER)
    permission = Permission.objects.get(content_type__app_label="news", codename="publish_article")
    client.force_login(administrator)
    response = client.post(
        reverse("admin:auth_group_change", args=[writers.pk]),
        {"name": WRITER, "permissions": [*writers.permissions.values_list("pk", flat=True), permission.pk]},
    )
    assert response.status_code == 302
    assert _events(Action.GROUP_PERMISSIONS_CHANGED) == [(WRITER, "quantri", "Thêm: news.publish_article")]


def test_adding_users_to_a_group_from_the_group_side_is_logged_per_user(editor, writer):
    Group.objects.get(name=EDITOR).user_set.add(writer)
    assert (writer.username, "", f"Thêm: {EDITOR}") in _events(Action.GROUPS_CHANGED)


def test_clearing_a_users_groups_is_logged(writer):
    writer.groups.clear()
    assert _events(Action.GROUPS_CHANGED)[-1] == ("phongvien", "", f"Bỏ: {WRITER}")


def test_a_password_change_is_logged_and_a_login_is_not_a_change(editor):
    client = Client()
    client.post(reverse("admin:login"), {"username": "bientap", "password": "mat-khau-bien-tap"})
    assert _events(Action.PASSWORD_CHANGED) == []
    assert _events(Action.FLAGS_CHANGED) == [("bientap", "", "nhân viên: có")]  # made by the fixture only
    new = "Mat-khau-moi-2026!"
    client.post(
        reverse("admin:password_change"),
        {"old_password": "mat-khau-bien-tap", "new_password1": new, "new_password2": new},
    )
    assert _events(Action.PASSWORD_CHANGED) == [("bientap", "bientap", "")]


def test_administrators_read_the_log_in_vietnamese_and_cannot_change_it(client, administrator, editor):
    Client().post(reverse("admin:login"), {"username": "bientap", "password": "sai"})
    client.force_login(administrator)
    changelist = reverse("admin:accounts_auditevent_changelist")
    html = client.get(changelist).content.decode()
    assert "Nhật ký tài khoản" in html and "Đăng nhập sai" in html and "Tài khoản, nhật ký" in html
    event = AuditEvent.objects.filter(action=Action.LOGIN_FAILED).get()
    assert client.get(reverse("admin:accounts_auditevent_change", args=[event.pk])).status_code == 200
    assert client.post(reverse("admin:accounts_auditevent_delete", args=[event.pk]), {"post": "yes"}).status_code == 403
    assert client.get(reverse("admin:accounts_auditevent_add")).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()
