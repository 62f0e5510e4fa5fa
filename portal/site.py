"""Who this portal is: its name and public address, read from the settings in this one place.

One installation may later serve the portals of several departments (one site each): then these functions find
the site from the request, and nothing that calls them changes. Imports no app of the project.
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class SiteIdentity:
    name: str
    url: str  # the public address, without a trailing slash


def current_site(request=None) -> SiteIdentity:
    """The portal a request (or, without one, a command or feed) belongs to."""
    return SiteIdentity(name=settings.SITE_NAME, url=settings.SITE_URL.rstrip("/"))


def absolute_url(url: str, request=None) -> str:
    """``/media/x.jpg`` -> ``https://site/media/x.jpg``; an absolute URL (or nothing) stays as it is."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return f"{current_site(request).url}{url if url.startswith('/') else '/' + url}"
