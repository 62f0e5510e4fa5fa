"""Security headers, the Content-Security-Policy (django-csp) and the Permissions-Policy; settings.py imports them.

Kept apart for length. A leaf module: it imports nothing of the project but the environment helpers.
"""

import os

from portal.envvars import env_bool

# Security headers; HTTPS-only settings switch on with SECURE_SSL (behind a TLS-terminating proxy).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # no page of the portal is ever framed, not even by itself
if env_bool("SECURE_SSL", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# Content-Security-Policy (django-csp): no inline script or style on public pages; videos framed from YouTube's
# no-cookie host and Vimeo only. The one inline <style> left is the static 500 page's, allowed by its hash
# (tests/portal/test_security_headers.py recomputes it). JSON-LD <script type="application/ld+json"> is a data block
# that browsers never execute, so script-src does not apply to it.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'sha256-ki+BG6irgCpczhKTyuXWotl28I2oi3u7U3SlNJM8eGU='"],
        "img-src": ["'self'", "data:"],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The admin only: CKEditor 5 sets styles as it edits (and the admin's own templates use style attributes).
# 'unsafe-inline' replaces the list: next to a hash, browsers would ignore it.
CONTENT_SECURITY_POLICY_ADMIN_REPLACE = {"style-src": ["'self'", "'unsafe-inline'"]}
# Browser features no page uses, refused for the page and every frame in it.
_UNUSED_FEATURES = ("accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment")
PERMISSIONS_POLICY = {feature: [] for feature in (*_UNUSED_FEATURES, "usb", "browsing-topics")}
