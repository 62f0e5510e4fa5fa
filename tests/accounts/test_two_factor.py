"""Two-factor authentication for staff: enrolment at the first sign-in, a code after the password, backup codes.

Codes are computed here from the device's key (RFC 6238, written out below), never taken from django-otp.
"""

import base64
import datetime
import hashlib
import hmac
import re
import struct
import subprocess
import sys

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.accounts.models import AuditEvent
from tests.factories import make_article

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")
INDEX = reverse("admin:index")
VERIFY = reverse("accounts:two-factor")
ENROL = reverse("accounts:two-factor-enrol")
BACKUP = reverse("accounts:backup-codes")
START = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=datetime.UTC)
Action = AuditEvent.Action


def totp(key: bytes, at: datetime.datetime, step: int = 30) -> str:
    """RFC 6238 with SHA-1 and six digits, the way an authenticator app computes it."""
    digest = hmac.new(key, struct.pack(">Q", int(at.timestamp()) // step), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{number % 1_000_000:06d}"


def now() -> datetime.datetime:
    return datetime.datetime.now(tz=datetime.UTC)  # the travelled clock


@pytest.fixture(autouse=True)
def _two_factor_on(settings):
    settings.STAFF_2FA = True


@pytest.fixture
def clock():
    with time_machine.travel(START, tick=False) as traveller:
        yield traveller


def _login(client):
    return client.post(LOGIN, {"username": "bientap", "password": "mat-khau-bien-tap", "next": INDEX})


def _enrol(client, clock) -> tuple[bytes, list[str]]:
    """Sign in with the password and enrol; returns the key the app would hold and the backup codes shown."""
    _login(client)
    page = client.get(ENROL).content.decode()
    typed = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    key = base64.b32decode(typed + "=" * (-len(typed) % 8))
    response = client.post(ENROL, {"code": totp(key, now()), "next": INDEX})
    assert response.status_code == 302 and response.url.startswith(BACKUP)
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", client.get(response.url).content.decode())
    return key, codes


def _events(action):
    return list(AuditEvent.objects.filter(action=action).values_list("target", flat=True))


def test_staff_without_a_device_are_sent_to_enrolment_and_cannot_reach_the_admin(client, editor):
    assert _login(client).status_code == 302
    for address in (INDEX, reverse("admin:news_article_changelist"), reverse("reports:statistics")):
        response = client.get(address)
        assert response.status_code == 302
        assert response.url.startswith(ENROL)
    page = client.get(ENROL)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<svg" in html and "Đăng ký xác thực hai bước" in html
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()


def test_the_qr_code_and_the_typed_secret_are_the_same_key(client, editor):
    _login(client)
    html = client.get(ENROL).content.decode()
    device = TOTPDevice.objects.get(user=editor)
    typed = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', html).group(1).replace(" ", "")
    assert base64.b32decode(typed + "=" * (-len(typed) % 8)) == device.bin_key
    reloaded = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', client.get(ENROL).content.decode()).group(1)
    assert reloaded.replace(" ", "") == typed  # a reload keeps the same secret
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_enrolment_with_a_real_code_shows_backup_codes_once_and_opens_the_admin(client, editor, clock):
    _key, codes = _enrol(client, clock)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(INDEX).status_code == 200
    again = client.get(BACKUP).content.decode()
    assert not any(code in again for code in codes)  # shown once
    assert _events(Action.TWO_FACTOR_ENROLLED) == ["bientap"]


def test_a_wrong_code_at_enrolment_is_refused_and_logged(client, editor, clock):
    _login(client)
    client.get(ENROL)
    key = TOTPDevice.objects.get(user=editor).bin_key
    wrong = f"{(int(totp(key, now())) + 1) % 1_000_000:06d}"
    response = client.post(ENROL, {"code": wrong})
    assert response.status_code == 200
    assert "Mã không đúng" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()
    assert client.get(INDEX).status_code == 302
    assert _events(Action.TWO_FACTOR_FAILED) == ["bientap"]


def test_the_next_sign_in_asks_for_the_code_after_the_password(client, editor, clock):
    key, _codes = _enrol(client, clock)
    client.post(reverse("admin:logout"))
    clock.shift(datetime.timedelta(minutes=5))
    assert _login(client).status_code == 302
    response = client.get(reverse("admin:news_article_changelist"))
    assert response.status_code == 302 and response.url.startswith(VERIFY)

    wrong = f"{(int(totp(key, now())) + 1) % 1_000_000:06d}"
    refused = client.post(VERIFY, {"code": wrong, "next": INDEX})
    assert refused.status_code == 200 and "Mã không đúng" in refused.content.decode()
    assert client.get(INDEX).status_code == 302
    assert _events(Action.TWO_FACTOR_FAILED) == ["bientap"]

    clock.shift(datetime.timedelta(seconds=2))  # django-otp waits a second after a wrong code
    accepted = client.post(VERIFY, {"code": totp(key, now()), "next": INDEX})
    assert accepted.status_code == 302 and accepted.url == INDEX
    assert client.get(INDEX).status_code == 200
    assert _events(Action.TWO_FACTOR_VERIFIED) == ["bientap"]


def test_repeated_wrong_codes_make_the_right_one_wait(client, editor, clock):
    key, _codes = _enrol(client, clock)
    client.post(reverse("admin:logout"))
    clock.shift(datetime.timedelta(minutes=5))
    _login(client)
    for _ in range(3):
        client.post(VERIFY, {"code": "000000"})
    refused = client.post(VERIFY, {"code": totp(key, now())})
    assert "đợi đến" in refused.content.decode()
    assert client.get(INDEX).status_code == 302


def test_a_backup_code_works_once(client, editor, clock):
    _key, codes = _enrol(client, clock)
    for attempt in ("first", "second"):
        client.post(reverse("admin:logout"))
        clock.shift(datetime.timedelta(minutes=5))
        _login(client)
        response = client.post(VERIFY, {"code": codes[0].upper(), "next": INDEX})
        if attempt == "first":
            assert response.status_code == 302
            assert client.get(INDEX).status_code == 200
        else:
            assert response.status_code == 200
            assert client.get(INDEX).status_code == 302
    assert StaticDevice.objects.get(user=editor).token_set.count() == 9


def test_a_code_from_another_moment_is_refused(client, editor, clock):
    key, _codes = _enrol(client, clock)
    client.post(reverse("admin:logout"))
    clock.shift(datetime.timedelta(minutes=5))
    _login(client)
    stale = totp(key, now() - datetime.timedelta(minutes=3))
    assert client.post(VERIFY, {"code": stale}).status_code == 200
    assert client.get(INDEX).status_code == 302


def test_with_staff_2fa_off_a_password_is_enough(client, editor, settings):
    settings.STAFF_2FA = False
    _login(client)
    assert client.get(INDEX).status_code == 200
    assert client.get(ENROL).status_code == 302


def test_readers_are_unaffected(client, django_user_model):
    article = make_article()
    assert client.get(article.get_absolute_url()).status_code == 200
    assert client.get("/").status_code == 200
    django_user_model.objects.create_user("docgia", password="mat-khau-doc-gia")
    client.post(LOGIN, {"username": "docgia", "password": "mat-khau-doc-gia"})
    assert client.get(article.get_absolute_url()).status_code == 200
    assert not TOTPDevice.objects.exists()


def test_staff_between_password_and_code_count_as_readers_outside_the_admin(client, editor):
    draft = make_article(status="draft")
    _login(client)
    response = client.get(reverse("news:article-preview", args=[draft.pk]))
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)  # what a reader gets: the preview is for signed-in staff


def test_the_lockout_still_guards_the_password(client, editor):
    for n in range(5):
        client.post(LOGIN, {"username": "bientap", "password": f"sai-{n}"})
    assert _login(client).status_code == 429
    assert client.get(ENROL).status_code == 302  # not signed in: sent to the login


def test_an_administrator_resets_a_second_factor(client, editor, administrator, clock):
    _enrol(client, clock)
    client.post(reverse("admin:logout"))
    assert TOTPDevice.objects.filter(user=editor).exists()

    admin_client = type(client)()
    admin_client.force_login(administrator)
    administrator_device = TOTPDevice.objects.create(user=administrator, name="totp", confirmed=True)
    session = admin_client.session
    session["otp_device_id"] = administrator_device.persistent_id
    session.save()
    changelist = reverse("admin:auth_user_changelist")
    response = admin_client.post(changelist, {"action": "reset_two_factor", "_selected_action": [editor.pk]})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert not StaticDevice.objects.filter(user=editor).exists()
    reset = AuditEvent.objects.get(action=Action.TWO_FACTOR_RESET)
    assert (reset.target, reset.actor) == ("bientap", administrator)

    clock.shift(datetime.timedelta(minutes=5))
    _login(client)
    assert client.get(INDEX).url.startswith(ENROL)


def test_the_default_follows_debug():
    code = "from django.conf import settings; import django; django.setup(); print(settings.STAFF_2FA)"
    for debug, expected in (("false", "True"), ("true", "False")):
        env = {"DJANGO_SETTINGS_MODULE": "portal.settings", "DEBUG": debug, "SECRET_KEY": "x" * 50, "PATH": ""}
        out = subprocess.run(  # noqa: S603 (our own interpreter and a fixed script)
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR, check=True
        )
        assert out.stdout.strip() == expected


def test_the_page_asked_for_is_reached_after_enrolment_query_string_and_all(client, editor, clock):
    wanted = reverse("admin:news_article_changelist") + "?status=draft&is_featured__exact=1"
    _login(client)
    to_enrol = client.get(wanted)
    assert to_enrol.status_code == 302
    page = client.get(to_enrol.url).content.decode()
    typed = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    key = base64.b32decode(typed + "=" * (-len(typed) % 8))
    next_value = re.search(r'name="next" value="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert next_value == wanted
    codes_page = client.post(ENROL, {"code": totp(key, now()), "next": next_value})
    shown = client.get(codes_page.url).content.decode()
    assert f'href="{wanted.replace("&", "&amp;")}"' in shown
