"""The sitemap index at ``/sitemap.xml``: one section per kind of page, each paged by ``SITEMAP_PAGE_SIZE``
(``/sitemap-articles.xml?p=2``), together listing every published article and every public page."""

from django.contrib.sitemaps import Sitemap
from django.contrib.sites.shortcuts import get_current_site
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from campaigns.sitemaps import CampaignSitemap, DocumentSitemap, ExemplarSitemap, GoodModelSitemap, ThemeSitemap
from news.sitemaps import ArchiveSitemap, ArticleSitemap, CategorySitemap, TagSitemap, _latest_change
from portal.pagination import SitemapPaging


class PageSitemap(SitemapPaging, Sitemap):
    """The public pages that are not one record: the home page, the lists, the archive, the movement's lists."""

    changefreq = "daily"
    names = [
        "home",
        "news:latest",
        "news:archive",
        "campaigns:campaign-list",
        "campaigns:goodmodel-list",
        "campaigns:exemplar-list",
        "campaigns:award-list",
        "campaigns:contest-list",
        "campaigns:document-list",
        "site-map",
        "about:introduction",
        "schedule:week",
        "privacy:policy",
        "contact:contact",
        "questions:list",
    ]

    def items(self):
        self.latest = _latest_change()  # the lists change when an article does
        return self.names

    def location(self, name):
        return reverse(name)

    def lastmod(self, name):
        return self.latest

    def get_latest_lastmod(self):
        return _latest_change()


SITEMAPS = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "categories": CategorySitemap,
    "tags": TagSitemap,
    "archive": ArchiveSitemap,
    "campaigns": CampaignSitemap,
    "themes": ThemeSitemap,
    "good-models": GoodModelSitemap,
    "exemplars": ExemplarSitemap,
    "documents": DocumentSitemap,
}


def _entry(loc: str, lastmod, changefreq: str | None) -> str:
    parts = [f"<url><loc>{escape(loc)}</loc>"]
    if lastmod:
        parts.append(f"<lastmod>{lastmod.date().isoformat() if hasattr(lastmod, 'date') else lastmod}</lastmod>")
    if changefreq:
        parts.append(f"<changefreq>{changefreq}</changefreq>")
    parts.append("</url>\n")
    return "".join(parts)


def section(request, section: str):
    """One page of one section, written directly (Django's template loop cost 0.5 ms an address; this, a few µs).

    A section may give ``rows(page)`` (path, last change) pairs, read as plain values; the others go through
    Django's ``Sitemap.get_urls``.
    """
    if section not in SITEMAPS:
        raise Http404(_("Không có phần sơ đồ này."))
    site_map = SITEMAPS[section]()
    page = request.GET.get("p", "1")
    base = f"{request.scheme}://{get_current_site(request).domain}"
    try:
        if hasattr(site_map, "rows"):
            entries = [_entry(base + path, lastmod, site_map.changefreq) for path, lastmod in site_map.rows(page)]
        else:
            urls = site_map.get_urls(page=page, site=get_current_site(request), protocol=request.scheme)
            entries = [_entry(url["location"], url["lastmod"], url["changefreq"]) for url in urls]
    except (EmptyPage, PageNotAnInteger):
        raise Http404(_("Trang %(page)s không có trong sơ đồ.") % {"page": page}) from None
    body = f"{XML_HEAD}{''.join(entries)}</urlset>\n"
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
