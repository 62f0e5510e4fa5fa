"""Which video players the site embeds, and the player address for a video page: the one allow-list.

The video block (portal.site_parts) and the article body's cleaner (news.sanitize) both ask ``embed_src``; a frame
or an ``oembed`` address that gives None here is refused everywhere. Only the players' own embed pages are ever
framed, built from a checked video id, so nothing else of the link (a path with "..", a query) reaches the page.
YouTube is framed through youtube-nocookie.com: no tracking cookie before the reader presses play.
Imports no code of the project.
"""

import re
from urllib.parse import parse_qs, urlsplit

YOUTUBE_HOSTS = frozenset(
    {
        "youtube.com",
        "www.youtube.com",
        "m.youtube.com",
        "youtu.be",
        "youtube-nocookie.com",
        "www.youtube-nocookie.com",
    }
)
VIMEO_HOSTS = frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"})
ALLOWED_HOSTS = YOUTUBE_HOSTS | VIMEO_HOSTS
PROVIDER_NAMES = ("YouTube", "Vimeo")  # named in the admin's refusal message

YOUTUBE_EMBED = "https://www.youtube-nocookie.com/embed/"
VIMEO_EMBED = "https://player.vimeo.com/video/"
# Every address ``embed_src`` returns starts with one of these.
EMBED_PREFIXES = (YOUTUBE_EMBED, VIMEO_EMBED)

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{1,12}$")
_VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")  # the "h" of an unlisted video


def _youtube_id(host: str, path: str, query: str) -> str:
    if host == "youtu.be":
        return path.strip("/")
    if path.startswith(("/embed/", "/shorts/", "/live/")):
        return path.split("/")[2]
    return parse_qs(query).get("v", [""])[0]


def _vimeo_src(path: str, query: str) -> str | None:
    segments = [segment for segment in path.split("/") if segment]
    if segments[:1] == ["video"]:
        segments = segments[1:]
    if not segments or not _VIMEO_ID.match(segments[0]):
        return None
    # vimeo.com/123/abcdef (an unlisted video's page) and player.vimeo.com/video/123?h=abcdef carry the same hash.
    unlisted = segments[1] if len(segments) > 1 else parse_qs(query).get("h", [""])[0]
    src = VIMEO_EMBED + segments[0]
    return f"{src}?h={unlisted}" if _VIMEO_HASH.match(unlisted) else src


def embed_src(url: str) -> str | None:
    """The player's embed address for a video page (or embed page) on an allowed host; None for anything else."""
    try:
        parts = urlsplit((url or "").strip())
        host = (parts.hostname or "").lower()
        odd = parts.username is not None or parts.port is not None
    except ValueError:  # a bracketed host that is no IPv6 address, a port that is no number
        return None
    if parts.scheme.lower() != "https" or host not in ALLOWED_HOSTS or odd:
        return None
    if host in VIMEO_HOSTS:
        return _vimeo_src(parts.path, parts.query)
    video_id = _youtube_id(host, parts.path, parts.query)
    return YOUTUBE_EMBED + video_id if _YOUTUBE_ID.match(video_id) else None
