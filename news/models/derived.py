"""What is derived from the articles and kept beside them, so a reader's page never computes it over the whole table:
published articles per category and month (``news.counts``), and each article's computed related news
(``news.related``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MonthlyCount(models.Model):
    """How many articles of one category are published in one month (local time), and their latest change.

    Kept by ``news.counts`` whenever an article changes; the archive, the page counts of the lists and the
    sitemaps add up these few hundred rows instead of counting the articles.
    """

    category = models.ForeignKey("news.Category", models.CASCADE, related_name="+", verbose_name=_("chuyên mục"))
    month = models.DateField(_("tháng"))
    count = models.PositiveIntegerField(_("số bài đã đăng"), default=0)
    last_change = models.DateTimeField(_("thay đổi gần nhất"), null=True)

    class Meta:
        default_permissions = ()  # derived, never edited by a person
        verbose_name = _("số bài theo tháng")
        verbose_name_plural = _("số bài theo tháng")
        constraints = [models.UniqueConstraint(fields=["month", "category"], name="monthly_count_unique")]

    def __str__(self):
        return f"{self.category_id} {self.month:%m/%Y}: {self.count}"


class StoredRelated(models.Model):
    """An article's computed related news (ids, best first), as of the articles' ``generation``.

    Written by ``news.related.refresh_related`` after a save or in the background, never while a reader waits;
    a reader gets the stored list even when a newer generation exists (then it is recomputed in the background).
    """

    article = models.OneToOneField(
        "news.Article", models.CASCADE, primary_key=True, related_name="stored_related", verbose_name=_("bài viết")
    )
    related_ids = models.JSONField(_("bài liên quan"), default=list)
    generation = models.BigIntegerField(_("thế hệ"), default=0)
    computed_at = models.DateTimeField(_("thời điểm tính"), auto_now=True)

    class Meta:
        default_permissions = ()  # derived, never edited by a person
        verbose_name = _("tin liên quan đã tính")
        verbose_name_plural = _("tin liên quan đã tính")

    def __str__(self):
        return f"{self.article_id}: {self.related_ids}"


class SitemapPage(models.Model):
    """One page of the articles' sitemap, written once and kept until an article on it changes (``news.sitemap_pages``).

    Page ``number`` holds the published articles whose ids fall in its range of ``page_size`` ids, so publishing,
    editing or withdrawing an article changes only its own page. ``generation`` moves on with each such change;
    ``body`` (the gzipped XML) is good while ``built_generation`` equals it, until ``fresh_until`` (the next
    scheduled article of the range), and for the ``base`` (scheme and host) it was written with.
    """

    number = models.PositiveIntegerField(_("trang"))
    page_size = models.PositiveIntegerField(_("số địa chỉ mỗi trang"))
    generation = models.BigIntegerField(_("thế hệ"), default=1)
    built_generation = models.BigIntegerField(_("thế hệ đã ghi"), default=0)
    base = models.CharField(_("địa chỉ gốc"), max_length=200, blank=True)
    body = models.BinaryField(_("nội dung (gzip)"), default=b"")
    etag = models.CharField(_("ETag"), max_length=40, blank=True)
    url_count = models.PositiveIntegerField(_("số địa chỉ"), default=0)
    lastmod = models.DateTimeField(_("thay đổi gần nhất"), null=True)
    fresh_until = models.DateTimeField(_("dùng được đến"), null=True)

    class Meta:
        default_permissions = ()  # derived, never edited by a person
        verbose_name = _("trang sơ đồ bài viết")
        verbose_name_plural = _("trang sơ đồ bài viết")
        constraints = [models.UniqueConstraint(fields=["page_size", "number"], name="sitemap_page_unique")]

    def __str__(self):
        return f"{self.number} ({self.page_size}): {self.url_count}"
