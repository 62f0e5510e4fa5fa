"""E-mail and the background tasks that send it; settings.py imports them (kept apart for length)."""

import os

from portal.envvars import env_bool

# E-mail (notifications, portal/notifications/): sent only where EMAIL_HOST is set, by the background worker
# (`manage.py db_worker`), never in the request; a slow or refusing server only delays the mail, retried.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", EMAIL_PORT == 587)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", EMAIL_PORT == 465)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "15"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")
NOTIFICATION_EMAILS = env_bool("NOTIFICATION_EMAILS", bool(EMAIL_HOST))
# A failed send is retried after NOTIFICATION_EMAIL_RETRY_SECONDS, 4 times longer each time, up to
# NOTIFICATION_EMAIL_ATTEMPTS attempts in all; each failure is logged (logger portal.notifications).
NOTIFICATION_EMAIL_ATTEMPTS = int(os.environ.get("NOTIFICATION_EMAIL_ATTEMPTS", "5"))
NOTIFICATION_EMAIL_RETRY_SECONDS = int(os.environ.get("NOTIFICATION_EMAIL_RETRY_SECONDS", "60"))
# Background tasks (django-tasks, the backport of Django 6's): rows in the database, run by `manage.py db_worker`.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
