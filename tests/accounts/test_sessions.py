"""Staff sessions end after STAFF_SESSION_IDLE_SECONDS without a request; a password change ends the others."""

import datetime

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

INDEX = reverse("admin:index")
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)


def _login(user, password) -> Client:
    client = Client()
    assert client.post(reverse("admin:login"), {"username": user.username, "password": password}).status_code == 302
    return client


def test_an_idle_staff_session_ends(editor, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 3600
    with time_machine.travel(START, tick=False) as traveller:
        client = _login(editor, "mat-khau-bien-tap")
        assert client.get(INDEX).status_code == 200
        traveller.shift(datetime.timedelta(minutes=50))
        assert client.get(INDEX).status_code == 200  # activity keeps it alive
        traveller.shift(datetime.timedelta(minutes=50))
        assert client.get(INDEX).status_code == 200
        traveller.shift(datetime.timedelta(minutes=61))
        response = client.get(INDEX, follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("admin:login"))
    assert "Phiên làm việc đã hết hạn sau 60 phút không hoạt động" in response.content.decode()


def test_a_password_change_ends_the_other_sessions(editor):
    here, elsewhere = _login(editor, "mat-khau-bien-tap"), _login(editor, "mat-khau-bien-tap")
    response = here.post(
        reverse("admin:password_change"),
        {
            "old_password": "mat-khau-bien-tap",
            "new_password1": "Mat-khau-moi-2026!",
            "new_password2": "Mat-khau-moi-2026!",
        },
    )
    assert response.status_code == 302
    assert here.get(INDEX).status_code == 200  # the session that changed it stays
    assert elsewhere.get(INDEX).status_code == 302  # the other one is logged out


def test_an_administrator_setting_a_password_ends_that_persons_sessions(editor, administrator):
    elsewhere = _login(editor, "mat-khau-bien-tap")
    admin_client = Client()
    admin_client.force_login(administrator)
    url = reverse("admin:auth_user_password_change", args=[editor.pk])
    new = "Mat-khau-moi-2026!"
    assert admin_client.post(url, {"password1": new, "password2": new, "usable_password": "true"}).status_code == 302
    assert elsewhere.get(INDEX).status_code == 302
