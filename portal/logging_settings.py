"""The log: one line per event, client errors without tracebacks, noisy libraries quieter; settings.py imports it."""

import os

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "one_line": {
            "()": "portal.security.OneLineFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "filters": {"no_client_error_traceback": {"()": "portal.security.ClientErrorWithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_client_error_traceback"]},
        "one_line": {"class": "logging.StreamHandler", "formatter": "one_line"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's default config gives "django" a console of its own too: each line printed twice with DEBUG.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "INFO"},
        # django-axes: failures and lockouts (WARNING), not its banner on every command (cron would mail it).
        "axes": {"level": "WARNING"},
        # WeasyPrint (the report's PDF) and fontTools log every layout step at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # A request with a forged or stray Host header is noise, not an error: one line each, no traceback.
        "django.security.DisallowedHost": {"handlers": ["one_line"], "level": "WARNING", "propagate": False},
    },
}
