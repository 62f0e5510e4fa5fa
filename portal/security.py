"""Response headers and request methods for every page (a leaf module: it imports no first-party code).

- `ContentSecurityPolicyMiddleware`: django-csp's middleware with one exception, the admin, where CKEditor 5 writes
  `<style>` elements and style attributes as it runs (settings.CONTENT_SECURITY_POLICY_ADMIN_REPLACE).
- `allow_style_attributes`: the style attributes of sanitized rich text (an article's alignment, picture widths),
  allowed on the page that shows it by their hashes, one by one; no other style attribute is.
- `PermissionsPolicyMiddleware`: the Permissions-Policy header (settings.PERMISSIONS_POLICY) on every response.
- `OneLineFormatter`: a log record in one line, without its traceback (settings.LOGGING, for bad Host headers).
- `ClientErrorWithoutTraceback`: a 4xx answer (a refused permission, a bad request) is logged without the
  traceback of the exception that made it; a 500's traceback stays.
- `HttpMethodMiddleware`: a method the site does not serve (TRACE, CONNECT, made-up ones) gets 405 before any view
  runs, and a HEAD request gets the headers of the page without its template being rendered.
"""

import base64
import hashlib
import html
import logging
import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")
STYLE_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^>]*?\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _admin_prefix() -> str | None:
    try:
        return reverse("admin:index")
    except NoReverseMatch:
        return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """The site-wide policy, loosened for the admin by CONTENT_SECURITY_POLICY_ADMIN_REPLACE (styles only)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        prefix = _admin_prefix()
        if not report_only and parts.replace is None and prefix and request.path_info.startswith(prefix):
            parts.replace = settings.CONTENT_SECURITY_POLICY_ADMIN_REPLACE
        return parts


def allow_style_attributes(response, rich_text: str) -> None:
    """Add the hashes of `rich_text`'s style attributes to the response's policy (CSP 'unsafe-hashes').

    Only for HTML that went through the sanitizer, which keeps a few harmless properties (news.sanitize).
    """
    values = {html.unescape(double or single) for double, single in STYLE_ATTRIBUTE.findall(rich_text)}
    if not values:
        return
    digests = (base64.b64encode(hashlib.sha256(value.encode()).digest()).decode() for value in values)
    update = dict(getattr(response, "_csp_update", None) or {})
    update["style-src-attr"] = ["'unsafe-hashes'", *sorted(f"'sha256-{digest}'" for digest in digests)]
    response._csp_update = update


class PermissionsPolicyMiddleware:
    """Turn off the browser features the portal never uses (camera, microphone, location...) on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        policy = getattr(settings, "PERMISSIONS_POLICY", {})
        self.header = ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())

    def __call__(self, request):
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response


class HeadResponse(HttpResponse):
    """The answer to HEAD in place of a template response: Django renders it, and rendering does nothing."""

    def render(self):
        return self


class HttpMethodMiddleware:
    """Refuse the methods no page serves; answer HEAD without rendering the template the GET would render."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            response = HttpResponseNotAllowed(ALLOWED_METHODS, content=_("Phương thức không được hỗ trợ."))
            response["Content-Type"] = "text/plain; charset=utf-8"
            return response
        response = self.get_response(request)
        if isinstance(response, HeadResponse):
            del response["Content-Length"]  # CommonMiddleware's 0 would be wrong: the GET's body is not empty
        return response

    def process_template_response(self, request, response):
        """A HEAD answer has no body, so the page's template (and the queries it makes) need not run."""
        if request.method != "HEAD":
            return response
        head = HeadResponse(status=response.status_code, headers=dict(response.headers))
        head.cookies = response.cookies
        return head


class OneLineFormatter(logging.Formatter):
    """The message alone on one line: no traceback, no stack, line breaks in the message escaped."""

    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__)
        record.exc_info = record.exc_text = record.stack_info = None
        path = getattr(getattr(record, "request", None), "path", "")
        text = super().format(record) + (f" path={path}" if path else "")
        return text.replace("\r", "\\r").replace("\n", "\\n")


class ClientErrorWithoutTraceback(logging.Filter):
    """Drop the traceback of a record about a 4xx answer: "Forbidden (Permission denied): /admin/…" is enough."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if isinstance(status, int) and 400 <= status < 500:
            record.exc_info = record.exc_text = None
        return True
