"""Two-factor authentication for staff (django-otp): a TOTP device per person and a set of backup codes.

The rule: with ``STAFF_2FA`` on, a staff session is fully signed in only once a code from the person's
authenticator app (or one backup code) has been checked in that session (``request.user.is_verified()``, set by
django-otp's middleware). ``StaffTwoFactorMiddleware`` sends the others to enrolment or to the code page.
"""

import base64
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import AuditEvent
from .signals import record

BACKUP_CODE_COUNT = 10
BACKUP_DEVICE_NAME = "backup"
# The backup codes made at enrolment, kept in the session until the page that shows them once has read them.
NEW_BACKUP_CODES_KEY = "_two_factor_new_backup_codes"


def required(user) -> bool:
    """Whether this person must pass the second factor before using the admin (staff, when STAFF_2FA is on)."""
    return bool(settings.STAFF_2FA and user.is_authenticated and user.is_staff)


def has_device(user) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The device being enrolled: the same secret on every reload of the page until a code confirms it."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("id").first()
    return device or TOTPDevice.objects.create(user=user, name="totp", confirmed=False)


def secret(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks to type it: base32 in groups of four."""
    text = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an SVG QR code (drawn by qrcode, no image library needed)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    return image.to_string(encoding="unicode")


def _clean(code: str) -> str:
    return "".join(code.split()).lower()


def confirm_enrolment(*, request, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm ``device`` with a code from the app; returns the new backup codes, or None for a wrong code."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        if not device.verify_token(_clean(code)):
            record(AuditEvent.Action.TWO_FACTOR_FAILED, target=request.user.get_username(), detail=_("khi đăng ký"))
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        # Other devices left from an earlier, unfinished enrolment would only confuse a later reset.
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        codes = new_backup_codes(device.user)
        record(AuditEvent.Action.TWO_FACTOR_ENROLLED, target=request.user.get_username())
    _signed_in(request, device)
    return codes


def new_backup_codes(user) -> list[str]:
    """Replace the person's backup codes with ``BACKUP_CODE_COUNT`` new ones (each works once)."""
    device, _created = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@dataclass(frozen=True)
class Outcome:
    ok: bool
    wait_until: object = None  # when a throttled device accepts codes again (django-otp doubles it per failure)


def verify(*, request, code: str) -> Outcome:
    """Check a code from the app (six digits) or a backup code (letters and digits, used up by this)."""
    user, code = request.user, _clean(code)
    model = TOTPDevice if code.isdigit() else StaticDevice
    with transaction.atomic():
        devices = list(model.objects.devices_for_user(user, confirmed=True).select_for_update())
        blocked = [d.verify_is_allowed()[1] for d in devices if not d.verify_is_allowed()[0]]
        device = next((d for d in devices if d.verify_token(code)), None)
    if device is None:
        record(AuditEvent.Action.TWO_FACTOR_FAILED, target=user.get_username())
        wait = max((b.get("locked_until") for b in blocked if b.get("locked_until")), default=None)
        return Outcome(ok=False, wait_until=wait)
    detail = ""
    if isinstance(device, StaticDevice):
        left = device.token_set.count()
        detail = _("bằng mã dự phòng, còn %(n)s mã") % {"n": left}
    record(AuditEvent.Action.TWO_FACTOR_VERIFIED, target=user.get_username(), detail=detail)
    _signed_in(request, device)
    return Outcome(ok=True)


def _signed_in(request, device) -> None:
    request.session.cycle_key()  # a new session key for the fully signed-in session
    otp_login(request, device)


def reset(*, user, request=None) -> int:
    """Remove a person's second factor (app and backup codes): their next sign-in enrols again."""
    with transaction.atomic():
        removed = TOTPDevice.objects.filter(user=user).delete()[0]
        removed += StaticDevice.objects.filter(user=user).delete()[0]
        record(AuditEvent.Action.TWO_FACTOR_RESET, target=user.get_username(), request=request)
    return removed


class StaffTwoFactorMiddleware:
    """After django-otp's middleware: staff who still owe their second factor reach only its pages and logout.

    In the admin they are sent to enrolment (no device yet) or to the code page, with the address they wanted as
    ``next``; anywhere else (previews, the editor's uploads, attachments) they count as readers until then.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and required(user) and not user.is_verified():
            response = self.unverified(request, user)
            if response is not None:
                return response
        return self.get_response(request)

    @staticmethod
    def unverified(request, user):
        path = request.path_info
        if not path.startswith(reverse("admin:index")):
            request.user = AnonymousUser()
            return None
        allowed = {reverse("accounts:two-factor"), reverse("accounts:two-factor-enrol"), reverse("admin:logout")}
        if path in allowed:
            return None
        target = reverse("accounts:two-factor" if has_device(user) else "accounts:two-factor-enrol")
        return redirect_to_login(request.get_full_path(), target)
