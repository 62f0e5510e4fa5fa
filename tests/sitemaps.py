"""Reading the sitemap as a crawler does: the index at /sitemap.xml, then every page it lists."""

import re
from urllib.parse import urlsplit

LOC = re.compile(r"<loc>([^<]+)</loc>")


def sitemap_pages(client) -> list[str]:
    """The address (path and query) of every sitemap page the index lists."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    assert "<sitemapindex" in index.content.decode()
    pages = []
    for loc in LOC.findall(index.content.decode()):
        parts = urlsplit(loc.replace("&amp;", "&"))
        pages.append(f"{parts.path}?{parts.query}" if parts.query else parts.path)
    return pages


def all_sitemaps(client) -> str:
    """Every sitemap page the index lists, one after the other (each must answer 200)."""
    texts = []
    for page in sitemap_pages(client):
        response = client.get(page)
        assert response.status_code == 200, page
        texts.append(response.content.decode())
    return "\n".join(texts)


def sitemap_locations(client) -> list[str]:
    """Every address (path) the sitemap pages list, in order, repeats kept."""
    return [urlsplit(loc).path for loc in LOC.findall(all_sitemaps(client))]
