"""Login throttling (django-axes): wrong passwords lock the account and the address; an administrator unlocks."""

import datetime

import pytest
import time_machine
from axes.models import AccessAttempt
from django.urls import reverse

from portal.accounts.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def _login(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def _logged_in(client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


def test_200_wrong_passwords_then_the_right_one_is_refused(client, editor):
    answers = [_login(client, "bientap", f"sai-{n}").status_code for n in range(200)]
    assert answers[:4] == [200] * 4  # the form again, with its error
    assert set(answers[5:]) == {429}

    response = _login(client, "bientap", "mat-khau-bien-tap")
    assert response.status_code == 429
    assert not _logged_in(client)
    html = response.content.decode()
    assert "Tạm khóa đăng nhập" in html
    assert "15 phút" in html


def test_the_lock_holds_for_the_account_from_another_address(client, editor):
    for n in range(5):
        _login(client, "bientap", f"sai-{n}", ip="203.0.113.7")
    assert _login(client, "bientap", "mat-khau-bien-tap", ip="198.51.100.9").status_code == 429


def test_the_lock_holds_for_the_address_with_another_account(client, editor, writer):
    for n in range(5):
        _login(client, f"doan-{n}", "sai", ip="203.0.113.7")
    assert _login(client, "phongvien", "mat-khau-phong-vien", ip="203.0.113.7").status_code == 429
    assert _login(client, "phongvien", "mat-khau-phong-vien", ip="198.51.100.9").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, editor):
    with time_machine.travel(datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC), tick=False) as traveller:
        for n in range(5):
            _login(client, "bientap", f"sai-{n}")
        assert _login(client, "bientap", "mat-khau-bien-tap").status_code == 429
        traveller.shift(datetime.timedelta(minutes=16))
        assert _login(client, "bientap", "mat-khau-bien-tap").status_code == 302


def test_an_administrator_unlocks_in_the_admin(client, editor, administrator):
    for n in range(6):
        _login(client, "bientap", f"sai-{n}")
    assert _login(client, "bientap", "mat-khau-bien-tap").status_code == 429

    admin_client = type(client)()
    admin_client.force_login(administrator)
    changelist = reverse("admin:axes_accessattempt_changelist")
    page = admin_client.get(changelist).content.decode()
    assert "Khóa đăng nhập" in page and "Mở khóa đăng nhập" in page and "Số lần sai" in page
    assert "access attempt" not in page.lower()
    response = admin_client.post(
        changelist,
        {"action": "unlock", "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True))},
        follow=True,
    )
    assert "Đã mở khóa" in response.content.decode()
    assert not AccessAttempt.objects.exists()
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UNLOCKED, actor=administrator).exists()

    assert _login(client, "bientap", "mat-khau-bien-tap").status_code == 302
    assert _logged_in(client)


def test_editors_and_writers_may_not_unlock(client, editor, writer):
    for user in (editor, writer):
        client.force_login(user)
        assert client.get(reverse("admin:axes_accessattempt_changelist")).status_code == 403
        assert client.get(reverse("admin:accounts_auditevent_changelist")).status_code == 403


def test_every_attempt_and_the_lockout_are_in_the_audit_log(client, editor):
    _login(client, "bientap", "mat-khau-bien-tap")
    for n in range(5):
        _login(client, "bientap", f"sai-{n}", ip="203.0.113.8")
    Action = AuditEvent.Action
    sign_ins = AuditEvent.objects.filter(action__in=[Action.LOGIN, Action.LOGIN_FAILED, Action.LOCKED_OUT])
    events = list(sign_ins.order_by("id").values_list("action", "target", "ip_address"))
    assert events[0] == (Action.LOGIN, "bientap", "203.0.113.7")
    assert events[1:].count((Action.LOGIN_FAILED, "bientap", "203.0.113.8")) == 5
    assert events[1:].count((Action.LOCKED_OUT, "bientap", "203.0.113.8")) == 1
