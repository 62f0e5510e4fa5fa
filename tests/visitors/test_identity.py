"""Who a visitor is: the one client-IP function and the key of a visitor without a cookie."""

import pytest

from portal.visitors.identity import client_ip, visitor_key

AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"


@pytest.mark.parametrize(
    ("header", "meta", "expected"),
    [
        ("", {"REMOTE_ADDR": "10.1.1.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "10.1.1.1"),
        (
            "HTTP_X_FORWARDED_FOR",
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9"},
            "203.0.113.9",
        ),
        ("HTTP_X_REAL_IP", {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_REAL_IP": "203.0.113.7"}, "203.0.113.7"),
        ("HTTP_X_REAL_IP", {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),  # the header missing: the peer's address
        ("", {"REMOTE_ADDR": "2001:db8::1"}, "2001:db8::1"),
        # What a misconfigured or odd proxy sends is no address: none, never a database error.
        ("HTTP_X_FORWARDED_FOR", {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, unknown"}, None),
        ("HTTP_X_REAL_IP", {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_REAL_IP": "203.0.113.7:443"}, None),
        ("", {"REMOTE_ADDR": ""}, None),
    ],
)
def test_the_client_ip_trusts_only_what_our_proxy_adds(rf, settings, header, meta, expected):
    settings.CLIENT_IP_HEADER = header
    assert client_ip(rf.get("/", **meta)) == expected


def test_without_a_cookie_the_key_follows_the_address_our_proxy_sends(rf, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"

    def key(forwarded, remote="10.0.0.1"):
        request = rf.get("/", HTTP_USER_AGENT=AGENT, REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
        return visitor_key(request)

    first, needs_cookie = key("6.6.6.6, 203.0.113.9")
    assert needs_cookie and len(first) == 32
    assert key("7.7.7.7, 203.0.113.9")[0] == first  # a forged earlier entry changes nothing
    assert key("203.0.113.9", remote="10.0.0.2")[0] == first  # nor does which proxy passed it on
    assert key("203.0.113.10")[0] != first
    # An address with a port is no IP address, yet two such clients stay two visitors.
    assert key("203.0.113.7:443")[0] != key("203.0.113.8:443")[0]
