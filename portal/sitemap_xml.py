"""The XML of sitemap pages, written directly (a leaf: imports no app). Django's template loop cost 0.5 ms an
address; this, a few µs (the standard library's ``html.escape``: Django's marks its result safe, at twice the
cost)."""

from html import escape

URLSET_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
URLSET_TAIL = "</urlset>\n"


def url_entry(loc: str, lastmod, changefreq: str | None) -> str:
    parts = [f"<url><loc>{escape(loc)}</loc>"]
    if lastmod:
        parts.append(f"<lastmod>{lastmod.date().isoformat() if hasattr(lastmod, 'date') else lastmod}</lastmod>")
    if changefreq:
        parts.append(f"<changefreq>{changefreq}</changefreq>")
    parts.append("</url>\n")
    return "".join(parts)


def urlset(entries) -> str:
    return f"{URLSET_HEAD}{''.join(entries)}{URLSET_TAIL}"
