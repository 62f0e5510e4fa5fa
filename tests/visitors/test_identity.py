"""Who a visitor is: the one client-IP function, and the identity a new browser gets within its address's budget."""

import pytest

from portal.visitors.identity import client_ip, overflow_identity, visitor_of

AGENT = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0"
PROXIES = "10.0.0.0/24,2001:db8:ffff::1"


@pytest.mark.parametrize(
    ("proxies", "meta", "expected"),
    [
        # No trusted proxy (the default): the peer's address, whatever the client writes in a header.
        ("", {"REMOTE_ADDR": "10.1.1.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4"}, "10.1.1.1"),
        ("", {"REMOTE_ADDR": "2001:db8::1"}, "2001:db8::1"),
        ("", {"REMOTE_ADDR": ""}, None),
        # A direct client outside TRUSTED_PROXIES forging the header: ignored.
        (PROXIES, {"REMOTE_ADDR": "198.51.100.7", "HTTP_X_FORWARDED_FOR": "6.6.6.6"}, "198.51.100.7"),
        # One trusted hop: the entry it appended; what the client wrote before it is never read.
        (PROXIES, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9"}, "203.0.113.9"),
        # Two trusted hops (a CDN edge in the network, then our proxy): walk past both.
        (
            PROXIES,
            {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 203.0.113.9, 10.0.0.77"},
            "203.0.113.9",
        ),
        # IPv6: a trusted IPv6 proxy, a client's IPv6 address, an IPv4-mapped peer.
        (PROXIES, {"REMOTE_ADDR": "2001:db8:ffff::1", "HTTP_X_FORWARDED_FOR": "2001:db8::42"}, "2001:db8::42"),
        (PROXIES, {"REMOTE_ADDR": "::ffff:10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}, "203.0.113.9"),
        # A trusted proxy that sends no header: the proxy itself is the client; every hop trusted: the first one.
        (PROXIES, {"REMOTE_ADDR": "10.0.0.1"}, "10.0.0.1"),
        (PROXIES, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "10.0.0.3, 10.0.0.2"}, "10.0.0.3"),
        # Garbage where a trusted hop wrote the client: no address, never a database error.
        (PROXIES, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "1.2.3.4, unknown"}, None),
        (PROXIES, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.7:443"}, None),
        (PROXIES, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "<script>, 203.0.113.9"}, "203.0.113.9"),
        (PROXIES, {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": " , 203.0.113.9,"}, "203.0.113.9"),
    ],
)
def test_the_client_ip_reads_forwarded_for_only_from_trusted_proxies(rf, settings, proxies, meta, expected):
    settings.TRUSTED_PROXIES = [p for p in proxies.split(",") if p]
    assert client_ip(rf.get("/", **meta)) == expected


def test_client_ip_header_is_gone(settings):
    """The old setting that trusted one header from anybody no longer exists."""
    assert not hasattr(settings, "CLIENT_IP_HEADER")


class IdentityTests:
    def request(self, rf, address="203.0.113.9"):
        return rf.get("/", HTTP_USER_AGENT=AGENT, REMOTE_ADDR=address)

    def test_a_new_browser_gets_a_random_identity_of_its_own(self, rf):
        first, second = self.request(rf), self.request(rf)  # same address, same browser
        assert visitor_of(first) != visitor_of(second)
        assert first.new_visitor == visitor_of(first)  # asked twice, one identity, one cookie to set
        assert len(first.new_visitor) == 32

    def test_beyond_the_budget_new_browsers_share_their_address_overflow_identity(self, rf, settings):
        settings.VISITOR_NEW_PER_ADDRESS = 3
        keys = [visitor_of(self.request(rf)) for _ in range(5)]
        assert len(set(keys[:3])) == 3
        assert keys[3] == keys[4] == overflow_identity("203.0.113.9")
        assert visitor_of(self.request(rf, "203.0.113.10")) != overflow_identity("203.0.113.10")  # its own budget

    def test_the_overflow_identity_is_never_put_in_a_cookie(self, rf, settings):
        settings.VISITOR_NEW_PER_ADDRESS = 0
        request = self.request(rf)
        visitor_of(request)
        assert getattr(request, "new_visitor", None) is None


def test_a_wrong_trusted_proxies_entry_stops_the_start():
    """A typo must not silently trust nobody (every reader one address) or everybody (forged headers believed)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "DEBUG": "true", "TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/33"}
    env["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "TRUSTED_PROXIES: '10.0.0.0/33' is no address or network" in result.stderr
