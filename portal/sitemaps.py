"""The sitemap index at ``/sitemap.xml``: one section per kind of page, each paged by ``SITEMAP_PAGE_SIZE``
(``/sitemap-articles.xml?p=2``), together listing every published article and every public page."""

import re
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from campaigns.sitemaps import (
    AwardSitemap,
    CampaignSitemap,
    ContestSitemap,
    DocumentSitemap,
    ExemplarSitemap,
    GoodModelSitemap,
    ThemeSitemap,
)
from news.sitemaps import ArchiveSitemap, ArticleSitemap, CategorySitemap, TagSitemap, _latest_change
from portal.pagination import SitemapPaging
from portal.site import current_site
from portal.sitemap_xml import url_entry, urlset


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
    "awards": AwardSitemap,
    "contests": ContestSitemap,
    "documents": DocumentSitemap,
}


def _base(request) -> str:
    """The public address (``SITE_URL``), as the pages' canonical links give it: not the host a request came
    through, so every host name an installation answers to gets the same sitemap (and the stored pages stay
    written for one)."""
    return current_site(request).url


def _site(request):
    """``SITE_URL`` as Django's ``Sitemap.get_urls`` takes it: a protocol, and a site with a domain."""
    parts = urlsplit(_base(request))
    return parts.scheme, SimpleNamespace(domain=parts.netloc + parts.path, name=current_site(request).name)


def _page_loc(loc: str, number: int) -> str:
    return loc if number == 1 else f"{loc}?p={number}"


def _w3c(moment) -> str:
    return moment.replace(microsecond=0).isoformat() if hasattr(moment, "isoformat") else str(moment)


def index(request):
    """Every page of every section, with its last change: the articles' stored pages each with their own, the
    other sections' pages with the section's (as Django's ``index`` view gives them)."""
    base = _base(request)
    entries = []
    for name, kind in SITEMAPS.items():
        site_map = kind()
        loc = base + reverse("sitemap-section", kwargs={"section": name})
        if hasattr(site_map, "index_pages"):
            entries += [(_page_loc(loc, number), lastmod) for number, lastmod in site_map.index_pages(base=base)]
        else:
            lastmod = site_map.get_latest_lastmod()
            entries += [(_page_loc(loc, n), lastmod) for n in range(1, site_map.paginator.num_pages + 1)]
    body = "".join(
        f"<sitemap><loc>{escape(loc)}</loc>{f'<lastmod>{_w3c(at)}</lastmod>' if at else ''}</sitemap>\n"
        for loc, at in entries
    )
    return HttpResponse(f"{INDEX_HEAD}{body}</sitemapindex>\n", content_type="application/xml; charset=utf-8")


def section(request, section: str):
    """One page of one section. The articles' pages are stored (``news.sitemap_pages``); the others are written
    here, from a section's own ``rows(page)`` (path, last change) where it has one, else from Django's
    ``Sitemap.get_urls``."""
    if section not in SITEMAPS:
        raise Http404(_("Không có phần sơ đồ này."))
    site_map = SITEMAPS[section]()
    page = request.GET.get("p", "1")
    not_found = Http404(_("Trang %(page)s không có trong sơ đồ.") % {"page": page[:20]})
    if hasattr(site_map, "stored_page"):
        row = site_map.stored_page(int(page), base=_base(request)) if PAGE_NUMBER.fullmatch(page) else None
        if row is None:
            raise not_found
        return site_map.page_response(request, row)
    try:
        if hasattr(site_map, "rows"):  # (path, last change) pairs, written here
            base = _base(request)
            entries = [url_entry(base + path, at, site_map.changefreq) for path, at in site_map.rows(page)]
        else:
            protocol, site = _site(request)
            urls = site_map.get_urls(page=page, site=site, protocol=protocol)
            entries = [url_entry(url["location"], url["lastmod"], url["changefreq"]) for url in urls]
    except (EmptyPage, PageNotAnInteger):
        raise not_found from None
    body = urlset(entries)
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


PAGE_NUMBER = re.compile(r"[0-9]{1,9}")
INDEX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
)
