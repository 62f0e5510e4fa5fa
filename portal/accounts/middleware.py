"""Two middlewares for staff: who makes the current request (for the audit log), and idle sessions.

``AuditContextMiddleware`` lets the audit log's signal handlers name the person behind a change (an admin saving a
user's groups, say), which Django's signals do not carry. ``StaffIdleSessionMiddleware`` ends a staff session after
``STAFF_SESSION_IDLE_SECONDS`` without a request; readers have no session to end.
"""

import time
from contextvars import ContextVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

_current_request: ContextVar = ContextVar("portal_accounts_request", default=None)

LAST_SEEN_KEY = "_staff_last_seen"
# A session records activity at most once a minute: no database write on every click.
TOUCH_SECONDS = 60


def current_request():
    """The request being served in this thread or task, or None (a management command, a migration)."""
    return _current_request.get()


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


class StaffIdleSessionMiddleware:
    """After authentication: a staff session idle longer than the setting is ended, and the admin asks to log in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.is_staff:
            self.check_idle(request)
        return self.get_response(request)

    @staticmethod
    def check_idle(request) -> None:
        idle = settings.STAFF_SESSION_IDLE_SECONDS
        now = int(time.time())
        seen = request.session.get(LAST_SEEN_KEY)
        if isinstance(seen, int) and now - seen > idle:
            logout(request)
            messages.warning(
                request,
                _("Phiên làm việc đã hết hạn sau %(minutes)s phút không hoạt động. Vui lòng đăng nhập lại.")
                % {"minutes": max(1, idle // 60)},
            )
        elif not isinstance(seen, int) or now - seen >= TOUCH_SECONDS:
            mark_active(request)


def mark_active(request) -> None:
    """Note the time of this staff request in the session (at login, then at most once a minute)."""
    request.session[LAST_SEEN_KEY] = int(time.time())
    # The row and cookie outlive the limit, so that the next request meets the check and is told why; an
    # abandoned session still expires soon after (clearsessions removes its row).
    request.session.set_expiry(2 * settings.STAFF_SESSION_IDLE_SECONDS)
