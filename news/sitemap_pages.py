"""The articles' sitemap pages, written once and kept (``SitemapPage``): a crawler's request reads one stored row
whatever the size of the archive, instead of writing 10,000 addresses (175 ms of CPU at 100,000 articles).

A page is a range of ids, not a stretch of a sorted list: page ``n`` holds the published articles with
``(n - 1) * size < id <= n * size``. Publishing, editing, withdrawing or deleting an article thus changes its own
page only; ``articles_changed`` moves that page's generation on, in the same transaction as the change, and the
next request for the page writes it again. A page also ends by the clock when its next scheduled article becomes
public (``fresh_until``). The rows are the list of pages the index shows: ``rebuild_registry`` makes them from the
table after a bulk load (``seed_scale``), and the index calls it when it finds none of the current page size.
"""

import gzip
import hashlib
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Min
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from portal.sitemap_xml import url_entry, urlset

from .models import Article, SitemapPage

CHANGEFREQ = "weekly"
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def page_size() -> int:
    return settings.SITEMAP_PAGE_SIZE


def page_of(article_id: int, size: int) -> int:
    return (article_id - 1) // size + 1


def articles_changed(article_ids) -> None:
    """The pages holding these articles are to be written again (by their next request)."""
    size = page_size()
    for number in sorted({page_of(pk, size) for pk in article_ids if pk}):
        pages = SitemapPage.objects.filter(page_size=size, number=number)
        if pages.update(generation=F("generation") + 1):
            continue
        try:
            with transaction.atomic():  # a savepoint: the caller's transaction survives a lost race
                SitemapPage.objects.create(page_size=size, number=number)
        except IntegrityError:  # another save made the row meanwhile
            pages.update(generation=F("generation") + 1)


def rebuild_registry() -> int:
    """One row, not yet written, per page holding a published or scheduled article, at the current page size."""
    size = page_size()
    numbers = (
        Article.objects.filter(status=Article.Status.PUBLISHED)
        .annotate(page=(F("pk") - 1) / size + 1)
        .order_by("page")
        .values_list("page", flat=True)
        .distinct()
    )
    with transaction.atomic():
        SitemapPage.objects.all().delete()
        SitemapPage.objects.bulk_create(SitemapPage(page_size=size, number=n) for n in numbers)
    return SitemapPage.objects.count()


def index_pages(*, base: str) -> list[tuple[int, object]]:
    """(number, last change) of each page with addresses, for the index. A page out of date is written first, so
    the index never lists a page that turns out empty (a scheduled article alone in its range, say): after a
    change that is the changed page, once. Makes the rows first when there are none of this page size (after an
    upgrade or a new size)."""
    size = page_size()
    rows = list(SitemapPage.objects.filter(page_size=size).defer("body").order_by("number"))
    stale_size = SitemapPage.objects.exclude(page_size=size).exists()
    if stale_size or (not rows and Article.objects.filter(status=Article.Status.PUBLISHED).exists()):
        rebuild_registry()
        return index_pages(base=base)
    for row in rows:
        if not _is_current(row, base):
            _write(row, base=base)
    return [(row.number, row.lastmod) for row in rows if row.url_count]


def stored_page(number: int, *, base: str) -> SitemapPage | None:
    """The page (written again first when it is out of date), or None when it lists no address: a 404."""
    row = SitemapPage.objects.filter(page_size=page_size(), number=number).first()
    if row is None:
        return None
    if not _is_current(row, base):
        _write(row, base=base)
    return row if row.url_count else None


def _is_current(row: SitemapPage, base: str) -> bool:
    return (
        row.built_generation == row.generation
        and row.base == base
        and (row.fresh_until is None or row.fresh_until > timezone.now())
    )


def _write(row: SitemapPage, *, base: str) -> None:
    """Write the page's XML from its articles. The next scheduled time is read before the published articles, so
    an article whose time comes between the two reads is listed, or ends the page, and is never missed."""
    size = row.page_size
    in_range = Article.objects.filter(pk__gt=(row.number - 1) * size, pk__lte=row.number * size)
    fresh_until = in_range.scheduled().aggregate(first=Min("published_at"))["first"]
    listed = list(in_range.published().order_by("pk").values_list("slug", "updated_at"))
    pattern = reverse("news:article-detail", kwargs={"slug": "slug-placeholder"})
    xml = urlset(url_entry(base + pattern.replace("slug-placeholder", s), at, CHANGEFREQ) for s, at in listed)
    row.body = gzip.compress(xml.encode(), compresslevel=9, mtime=0)  # written once: the smallest gzip
    row.etag = hashlib.sha256(row.body).hexdigest()[:32]
    row.url_count = len(listed)
    row.lastmod = max((at for _slug, at in listed), default=None)
    row.fresh_until, row.base, built = fresh_until, base, row.generation
    # Kept only if no article of the page changed since the row was read; otherwise the next request writes again.
    fields = {"body": row.body, "etag": row.etag, "url_count": row.url_count, "lastmod": row.lastmod}
    fields["fresh_until"] = fresh_until
    SitemapPage.objects.filter(pk=row.pk, generation=built).update(built_generation=built, base=base, **fields)


def page_response(request, row: SitemapPage) -> HttpResponse:
    """The stored gzip as it is for a client that takes gzip (every crawler), unpacked for the others, with its
    own caching headers and 304 (the ETag was made when the page was written: nothing here reads the body).
    Kept out of the page cache (``kept_elsewhere``): it is already stored, and compressed once."""
    packed = bool(_ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
    body = row.body if packed else gzip.decompress(row.body)
    response = HttpResponse(body, content_type="application/xml; charset=utf-8")
    if packed:
        response["Content-Encoding"] = "gzip"
    patch_vary_headers(response, ("Accept-Encoding",))
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PAGE_MAX_AGE,
        stale_while_revalidate=settings.PAGE_STALE_WHILE_REVALIDATE,
    )
    response["ETag"] = f'"{row.etag}{"-gz" if packed else ""}"'  # one validator per representation
    response.kept_elsewhere = True
    return get_conditional_response(request, etag=response["ETag"], response=response)
