"""Settings for the test suite: the real settings, with fast password hashing and a throw-away media folder."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-secret-key")

from .settings import *  # noqa: F403
from .settings import CACHES, DATABASES, STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# The manifest storage would need collectstatic; live_server also 404s the editor's scripts with it.
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-static-"))
for _folder in (MEDIA_ROOT, STATIC_ROOT):
    atexit.register(shutil.rmtree, _folder, ignore_errors=True)
SERVE_MEDIA = True
ALLOWED_HOSTS = ["*"]
# Each test starts with an empty cache; Redis-backed tests configure their own.
CACHES = {**CACHES, "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ.get("TEST_DATABASE_NAME")
    # The replica is the test database under a second alias (its own connections); the router stays off, except in
    # the tests of routing (tests/portal/test_replica.py): a test's transaction is invisible to other connections.
    DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = []
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-private-"))
STORAGES["private"] = {**STORAGES["private"], "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None}}
# Views go straight to the (test) database even where REDIS_URL is set; the Redis buffer's tests bring their own.
VIEW_COUNT_BUFFER = False
# Related news computed on the spot, so a test sees it at once; tests of the background thread turn it on.
RELATED_IN_BACKGROUND = False

# The API allows many requests per address in tests (the robustness tests send hundreds); its own test lowers it.
API_RATE_LIMIT = 100_000
# Most tests sign staff in with force_login; the second factor's tests (tests/accounts/test_two_factor.py) turn
# STAFF_2FA on themselves.
STAFF_2FA = False
# The page cache is off, so that each test's query budget and counters measure the page being built; the page
# cache's own tests (tests/pagecache) turn it on.
PAGE_CACHE_SECONDS = 0
# Background tasks run at once, inside the test (after the transaction commits, as in production).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
