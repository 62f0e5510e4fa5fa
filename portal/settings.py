"""Settings for the portal, read from the environment in this one place.

Every variable is documented in README.md. Defaults suit a developer's machine (SQLite, in-process cache);
with DEBUG off the portal refuses to start without a real SECRET_KEY.
"""

import datetime
import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# Topics kept in modules of their own for length; each reads the environment itself.
from portal.editor_config import CKEDITOR_5_CONFIGS  # noqa: F401 (CKEditor 5: toolbar, headings, pictures)
from portal.envvars import env_bool, env_list
from portal.headers_settings import *  # noqa: F403 (security headers, CSP, Permissions-Policy)
from portal.logging_settings import LOGGING  # noqa: F401
from portal.mail_settings import *  # noqa: F403 (e-mail and the background tasks that send it)

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DEBUG", False)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105 (refused when DEBUG is off)
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY == _DEV_SECRET_KEY and not env_bool("ALLOW_DEV_SECRET_KEY", False):
    raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=true on a developer's machine).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

SITE_NAME = os.environ.get("SITE_NAME", "Đảng bộ Sở Tài nguyên và Môi trường tỉnh Long An")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The printed leadership report's heading (a Party document: the body above, the issuing committee, the place).
REPORT_SUPERIOR_BODY = os.environ.get("REPORT_SUPERIOR_BODY", "Đảng bộ Khối các cơ quan tỉnh Long An")
REPORT_ISSUING_BODY = os.environ.get("REPORT_ISSUING_BODY", "Đảng ủy Sở Tài nguyên và Môi trường")
REPORT_PLACE = os.environ.get("REPORT_PLACE", "Long An")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "taggit",
    "django_ckeditor_5",
    "csp",
    "django_otp",  # staff's second factor (portal.accounts.twofactor): authenticator apps and backup codes
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_tasks",  # background tasks: the notification e-mails (portal/notifications/tasks.py)
    "django_tasks_db",
    "portal",
    "portal.uploads",
    "portal.visitors",
    "portal.site_parts",
    "portal.privacy",
    "portal.polls",
    "portal.about",
    "portal.schedule",
    "campaigns",
    "news",
    "portal.ratings",  # before comments: its block comes first under an article
    "news.library",
    "news.comments",
    "news.viewcounts",
    "news.legacy",
    "portal.contact",
    "portal.questions",
    "portal.reports",
    "portal.demo",
    "portal.accounts",
    "portal.accounts.apps.LoginLockoutConfig",  # django-axes
    "portal.backups",
    "portal.api",
    "portal.maintenance",
    "portal.pagecache",
    "portal.notifications",
    "news.dashboard",
    "news.editorial_calendar",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous readers' GETs read from the read replica when there is one (portal/replica.py).
    "portal.replica.ReplicaMiddleware",
    "portal.security.HttpMethodMiddleware",
    "portal.security.PermissionsPolicyMiddleware",
    "portal.security.ContentSecurityPolicyMiddleware",
    # A view that cannot reach the database answers a short 503 page (portal/outage.py), not a 500.
    "portal.outage.DatabaseOutageMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Brotli/gzip (static files: WhiteNoise), then Cache-Control, ETag and 304 (why here: README, "Page cache").
    "portal.pagecache.compression.CompressionMiddleware",
    "portal.pagecache.middleware.HttpCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",  # marks a session verified; the next one sends staff to the 2FA pages
    "portal.accounts.twofactor.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication (staff are not counted) and outside the page cache, so cached pages still count.
    "portal.visitors.middleware.VisitorMiddleware",
    "news.viewcounts.middleware.ArticleViewMiddleware",
    # Staff accounts: who acts (for the audit log), idle staff sessions, django-axes' lockout page.
    "portal.accounts.middleware.AuditContextMiddleware",
    "portal.accounts.middleware.StaffIdleSessionMiddleware",
    "axes.middleware.AxesMiddleware",
    "portal.pagecache.middleware.PageCacheMiddleware",  # last: all of the above runs for cached pages too
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# Database: DATABASE_URL, or an embedded SQLite file for development and demos.
# With PostgreSQL down, a request waits at most DB_POOL_TIMEOUT seconds for a connection from the pool (each attempt
# to open one at most DB_CONNECT_TIMEOUT), then gets portal.outage's 503 page, not a 500 after psycopg's 30 s.
DB_POOL_TIMEOUT = float(os.environ.get("DB_POOL_TIMEOUT", "3"))
DB_CONNECT_TIMEOUT = int(os.environ.get("DB_CONNECT_TIMEOUT", "3"))
SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", BASE_DIR / "var" / "db.sqlite3"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{SQLITE_PATH}"),
        conn_max_age=0,
    )
}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    Path(_db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers and the one writer proceed together; IMMEDIATE transactions and a busy timeout make
    # concurrent writers wait for the lock instead of failing with "database is locked".
    _db["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif _db["ENGINE"] == "django.db.backends.postgresql":
    # psycopg 3's connection pool, one per process; persistent connections must then stay off.
    _db["OPTIONS"] = {
        "pool": {
            "min_size": int(os.environ.get("DB_POOL_MIN_SIZE", "2")),
            "max_size": int(os.environ.get("DB_POOL_MAX_SIZE", "10")),
            "timeout": DB_POOL_TIMEOUT,
        },
        "connect_timeout": DB_CONNECT_TIMEOUT,
    }
    if env_bool("DB_POOL_DISABLED", False):
        del _db["OPTIONS"]["pool"]
    # JIT compilation pays off for long reports, not for page queries: related news and search on 10,000
    # articles took over a second compiling (estimated costs of correlated subqueries) for ~0.1 s of work.
    _db["OPTIONS"]["options"] = "-c jit=off"
# A read replica (PostgreSQL streaming replication): anonymous readers' GETs read from it, everything else (writes,
# staff, reads inside a transaction) from the primary; portal/replica.py routes. Tests point it at the primary.
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=0)
    DATABASES["replica"].update(OPTIONS={**_db.get("OPTIONS", {})}, TEST={"MIRROR": "default"})
DATABASE_ROUTERS = ["portal.replica.ReplicaRouter"] if DATABASE_REPLICA_URL else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
# A Redis that stops answering costs at most these many seconds per call (portal/resilient_cache.py), and after a
# failure nobody in the process calls it for REDIS_BREAKER_SECONDS: pages come from the database meanwhile.
REDIS_SOCKET_TIMEOUT = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.25"))
REDIS_CONNECT_TIMEOUT = float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25"))
REDIS_BREAKER_SECONDS = float(os.environ.get("REDIS_BREAKER_SECONDS", "15"))
if REDIS_URL:
    CACHES = {
        "default": {
            # django-redis with short timeouts and a circuit breaker: an outage makes cache misses, not errors.
            "BACKEND": "portal.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "portal"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "portal"}}
# With Redis, sessions are read from it (no query per staff request, the same on every machine) and written through
# to the database, so a restart or an outage of Redis signs nobody out: its circuit breaker makes errors misses.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.django_formats"]  # dates as "17/12/2026 09:00", in lists and the date pickers
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
WHITENOISE_AUTOREFRESH = DEBUG
# In production the web server serves MEDIA_ROOT; SERVE_MEDIA lets the development server do it.
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

STORAGES = {
    "default": {"BACKEND": "portal.uploads.storage.WholeFileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND",
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# Uploads: large files go to disk while streaming, never whole into memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

LOGIN_URL = "admin:login"

# Staff accounts (portal/accounts/). django-axes counts failed logins per account and per address (either one
# reaching the limit locks), for LOGIN_LOCKOUT_MINUTES after the last failure; an administrator can unlock earlier.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "portal.visitors.identity.client_ip"  # the one rule for a client's address
AXES_LOCKOUT_CALLABLE = "portal.accounts.views.lockout"
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False  # portal.accounts.admin shows the counts in Vietnamese, with an unlock action
AXES_DISABLE_ACCESS_LOG = True  # every attempt is in the audit log (portal.accounts.models.AuditEvent)
# A staff session ends after this many seconds without a request (portal.accounts.middleware).
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", "3600"))
# Staff's second factor (portal.accounts.twofactor): off with DEBUG so `make run`'s demo logins need no phone.
STAFF_2FA = env_bool("STAFF_2FA", not DEBUG)
OTP_TOTP_ISSUER = SITE_NAME  # the account's name in the authenticator app


# An article's editing lock lasts this long after its page was last seen (the page says it is open every 30 s).
ARTICLE_LOCK_SECONDS = int(os.environ.get("ARTICLE_LOCK_SECONDS", "120"))

# The rich-text editor (CKEditor 5). Uploads go through news.storage.EditorImageStorage.
CKEDITOR_5_FILE_STORAGE = "news.storage.EditorImageStorage"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpg", "jpeg", "png", "gif", "webp"]
CKEDITOR_5_MAX_FILE_SIZE = 10  # MB
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"

# Taggit: tag lookups ignore case, so "Chi bộ" and "chi bộ" are one tag.
TAGGIT_CASE_INSENSITIVE = True

# Files nobody may fetch directly (readers' comment attachments): outside MEDIA_ROOT, served only through views
# that check permission and force a download.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))
STORAGES["private"] = {
    "BACKEND": "portal.uploads.storage.WholeFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
}

# Media in S3-compatible object storage (django-storages) for more than one machine: MEDIA_STORAGE=s3, configured by
# portal/object_storage.py from the environment (README "Scaling out").
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem")
if MEDIA_STORAGE not in {"filesystem", "s3"}:
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'filesystem' or 's3', not {MEDIA_STORAGE!r}")
if MEDIA_STORAGE == "s3":
    from portal.object_storage import *  # noqa: F403 (the AWS_* settings django-storages reads, the editor's storage)

    STORAGES.update(S3_STORAGES)  # noqa: F405

# Readers' comments: at most COMMENT_RATE_LIMIT comments per visitor (IP address) per COMMENT_RATE_WINDOW seconds;
# the same numbers bound each of the other readers' forms (contact, questions, comments on award proposals).
COMMENT_RATE_LIMIT = int(os.environ.get("COMMENT_RATE_LIMIT", "5"))
COMMENT_RATE_WINDOW = int(os.environ.get("COMMENT_RATE_WINDOW", "600"))
# Reverse proxies whose X-Forwarded-For is believed (addresses and networks, comma-separated; empty: none, the
# client address is REMOTE_ADDR). Checked at startup: a typo must not silently trust nobody, or everybody.
TRUSTED_PROXIES = [entry.strip() for entry in os.environ.get("TRUSTED_PROXIES", "").split(",") if entry.strip()]
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is no address or network") from _error

# Uploaded pictures (portal.uploads.pictures): size and pixel limits; a bigger picture is refused with a message.
IMAGE_MAX_UPLOAD_MB = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10"))
IMAGE_MAX_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", "40000000"))
# How long a signed preview link of an unpublished article stays valid (seconds; three days by default).
PREVIEW_LINK_MAX_AGE = int(os.environ.get("PREVIEW_LINK_MAX_AGE", str(3 * 24 * 3600)))
# View counters (news/viewcounts/, portal/visitors/). VIEW_COUNTING=false turns every counter off (benchmarks).
VIEW_COUNTING = env_bool("VIEW_COUNTING", True)
# One view per visitor per article within this many seconds.
VIEW_COUNT_WINDOW = int(os.environ.get("VIEW_COUNT_WINDOW", "1800"))
# With Redis, views are kept in Redis and written to the database in batches by `manage.py flush_views`.
VIEW_COUNT_BUFFER = env_bool("VIEW_COUNT_BUFFER", bool(REDIS_URL))
VIEW_BUFFER_REDIS_URL = os.environ.get("VIEW_BUFFER_REDIS_URL", REDIS_URL)
# The articles' list index INCLUDEs the category on PostgreSQL (an index-only scan for deep pages); SQLite, which
# has no INCLUDE, builds it without and says so: nothing to fix there.
SILENCED_SYSTEM_CHECKS = ["models.W040"]
# Related news (news/related.py): recomputed in a background thread, never while a reader waits, when a stored
# list is missing or the articles changed since, at most once per RELATED_REFRESH_SECONDS per list (an article's
# own save recomputes its list at once).
RELATED_IN_BACKGROUND = env_bool("RELATED_IN_BACKGROUND", True)
RELATED_REFRESH_SECONDS = int(os.environ.get("RELATED_REFRESH_SECONDS", "300"))
# Sitemaps: URLs per sitemap page listed by the index at /sitemap.xml (the protocol allows 50,000 at most).
SITEMAP_PAGE_SIZE = int(os.environ.get("SITEMAP_PAGE_SIZE", "10000"))
# Search: the newest matches ranked and counted at most; beyond it the page says "hơn 1.000 kết quả".
SEARCH_MAX_RESULTS = int(os.environ.get("SEARCH_MAX_RESULTS", "1000"))
# Seconds a reader is asked to wait (Retry-After) when the database is unreachable (portal/outage.py).
DB_OUTAGE_RETRY_AFTER = int(os.environ.get("DB_OUTAGE_RETRY_AFTER", "30"))
# Identities: at most VISITOR_NEW_PER_ADDRESS new browsers per client address per VISITOR_NEW_WINDOW seconds get
# an identity of their own; beyond it they count as the address's one "overflow" visitor (see README).
VISITOR_NEW_PER_ADDRESS = int(os.environ.get("VISITOR_NEW_PER_ADDRESS", "60"))
VISITOR_NEW_WINDOW = int(os.environ.get("VISITOR_NEW_WINDOW", "3600"))
# Polls: at most POLL_VOTES_PER_ADDRESS votes per client address and poll per POLL_VOTE_WINDOW seconds.
POLL_VOTES_PER_ADDRESS = int(os.environ.get("POLL_VOTES_PER_ADDRESS", "10"))
POLL_VOTE_WINDOW = int(os.environ.get("POLL_VOTE_WINDOW", "1800"))
# Per client address and window (seconds): requests to the read-only API (/api/), readers' ratings of pages.
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
API_RATE_WINDOW = int(os.environ.get("API_RATE_WINDOW", "60"))
RATINGS_PER_ADDRESS = int(os.environ.get("RATINGS_PER_ADDRESS", "20"))
RATING_WINDOW = int(os.environ.get("RATING_WINDOW", "3600"))
# Visits counted by the portal this one replaces, added to "Số lượt truy cập".
SITE_VISITS_OFFSET = int(os.environ.get("SITE_VISITS_OFFSET", "0"))
# Page cache (portal/pagecache/): longest life of a page (0: off); Cache-Control of public pages without personal parts.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "120"))
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "30"))
PAGE_STALE_WHILE_REVALIDATE = int(os.environ.get("PAGE_STALE_WHILE_REVALIDATE", "30"))
