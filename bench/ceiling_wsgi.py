"""The portal's WSGI application plus one bare Django view at /bench-ceiling/ (benchmarks only, never deployed):
the same middleware, no template, no query. ``bench/scale.py`` serves this module, so the ceiling is measured
by the same gunicorn workers as the pages."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (after setup)

settings.ROOT_URLCONF = "bench.ceiling_urls"
