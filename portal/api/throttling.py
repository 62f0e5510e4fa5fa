"""The API's rate limit: API_RATE_LIMIT requests per client address per API_RATE_WINDOW seconds.

The portal's own budget (``portal.visitors.budget.take_slot``: a counter in the cache, Redis in production, shared
by every worker; the database while Redis is down) and its one client-address rule (``client_ip``), so the limit
means the same behind the proxy as the comment and vote limits do. django-ninja's own throttles read
X-Forwarded-For by a count of proxies instead, which a client could forge.
"""

import time

from django.conf import settings
from ninja.throttling import BaseThrottle

from portal.visitors.budget import take_slot
from portal.visitors.identity import client_ip


class AddressThrottle(BaseThrottle):
    def allow_request(self, request) -> bool:
        return take_slot(
            scope="api",
            address=client_ip(request) or "unknown",
            limit=settings.API_RATE_LIMIT,
            window=settings.API_RATE_WINDOW,
        )

    def wait(self) -> float:
        """Seconds until the current window ends (windows start on multiples of the window's length)."""
        window = settings.API_RATE_WINDOW
        return window - time.time() % window
