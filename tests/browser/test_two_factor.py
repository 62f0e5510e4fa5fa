"""Staff's second factor in a real browser: enrolment at the first sign-in, then a code after the password."""

import base64
import datetime

import pytest

from tests.accounts.test_two_factor import totp
from tests.browser.conftest import DESKTOP, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _password(page, base):
    page.goto(base + "/admin/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "mat-khau-bien-tap")
    page.click("input[type=submit]")


def test_enrolment_then_sign_in_with_a_code(live_server, browser, screenshot, editor, settings):
    settings.STAFF_2FA = True
    complaints = []
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.on("console", lambda message: complaints.append(message.text) if message.type == "error" else None)

    _password(page, live_server.url)
    page.wait_for_url("**/xac-thuc-hai-buoc/dang-ky/**")
    assert page.locator(".qr-code svg").is_visible()
    screenshot(page, "two-factor-enrol-desktop")
    typed = page.inner_text("#totp-secret").replace(" ", "")
    key = base64.b32decode(typed + "=" * (-len(typed) % 8))
    page.fill("#id_code", totp(key, datetime.datetime.now(tz=datetime.UTC)))
    page.click("#login-form input[type=submit]")
    page.wait_for_url("**/ma-du-phong/**")
    assert page.locator("#backup-codes li").count() == 10
    page.click("text=Tiếp tục vào trang quản trị")
    page.wait_for_url("**/admin/")
    page.click("#logout-form button")
    context.close()

    phone = browser.new_context(viewport=PHONE)
    page = phone.new_page()
    page.on("console", lambda message: complaints.append(message.text) if message.type == "error" else None)
    _password(page, live_server.url)
    page.wait_for_url("**/xac-thuc-hai-buoc/?next=**")
    screenshot(page, "two-factor-code-phone")
    # The app's next code: the one just used for enrolment may not be used twice (django-otp allows a step of drift).
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(seconds=30)
    page.fill("#id_code", totp(key, later))
    page.click("#login-form input[type=submit]")
    page.wait_for_url("**/admin/")
    assert "bientap" in page.inner_text("#user-tools").lower()
    phone.close()
    assert complaints == []  # nothing refused by the Content-Security-Policy
