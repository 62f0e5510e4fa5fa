"""Public reads from a read replica (DATABASE_REPLICA_URL): which requests may read there, and the router.

Anonymous readers' GET and HEAD requests read from the replica; everything else reads from the primary: writes,
any request carrying a session cookie (staff, and whoever logged in), other methods, and every read made inside a
transaction on the primary (what a transaction reads must be what it writes against). Writes always go to the
primary. A reader's request is told apart by its cookies alone, so deciding costs no query, and a staff member's
pages always show what they just saved. A leaf module: it imports no app of the project.

What a replica gives up: it lags the primary by its replication delay (usually well under a second on a local
network), so an anonymous page may show the state of a moment ago; the page cache already accepts more than that.
"""

from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
_public_read = ContextVar("public_read", default=False)
_READ_METHODS = frozenset({"GET", "HEAD"})


def is_public_read(request) -> bool:
    """Whether a request is an anonymous reader's GET or HEAD: no session, so nothing it reads is anyone's own."""
    return request.method in _READ_METHODS and settings.SESSION_COOKIE_NAME not in request.COOKIES


class ReplicaMiddleware:
    """Marks the requests whose reads may go to the replica, for as long as the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _public_read.set(is_public_read(request))
        try:
            return self.get_response(request)
        finally:
            _public_read.reset(token)


class ReplicaRouter:
    """Reads of public requests outside a transaction go to the replica; all else to the primary."""

    def db_for_read(self, model, **hints):
        if _public_read.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block and REPLICA in settings.DATABASES:
            return REPLICA
        # Explicit: Django would otherwise follow an instance to the database it was read from (a cached one).
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the primary's rows

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS  # the replica receives its schema by replication
