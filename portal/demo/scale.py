"""``seed_scale``: grow a portal to N published articles spread over years, in bulk and reproducibly.

Everything is drawn from one ``random.Random(seed)`` and the vocabulary in ``data/scale.json``, so the same seed
on the same starting database gives the same rows. Rows are written with ``bulk_create`` in batches, one
transaction per batch, with the derived columns computed as ``Article.save()`` computes them (unique slug, cleaned
body, ``search_folded`` and ``search_document``; PostgreSQL's trigger fills ``search_vector``), so a seeded article
is what an editor's published article looks like in the database. Covers are not drawn (no files).
"""

import datetime
import math
import random
from zoneinfo import ZoneInfo

from django.db import connection, transaction
from django.utils import timezone

from news.sanitize import clean_html
from news.search import search_columns
from portal.demo.bulk import SlugBook, explicit_times
from portal.demo.data import load
from portal.demo.scale_records import RecordPool
from portal.demo.tables import Article, ArticleDailyViews, Campaign, Category, Comment, Tag, Theme

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
TaggedArticle = Article.tags.through


class ScaleSeeder:
    def __init__(self, *, articles: int, seed: int, years: int, until: datetime.date, batch: int, log=None):
        self.target, self.years, self.batch = articles, years, batch
        self.rng = random.Random(seed)  # benchmark data, not security
        self.vocabulary = load("scale")
        self.until = datetime.datetime.combine(until, datetime.time(17, 0), tzinfo=TZ)
        self.log = log or (lambda message: None)
        self.counts = {"articles": 0, "drafts": 0, "tags": 0, "daily_views": 0, "comments": 0}

    # --- the fixed rows: categories, campaigns, themes (from seed_demo), tags, records -------------------------

    def prepare(self) -> None:
        self.categories = list(Category.objects.filter(show_in_menu=True).order_by("pk"))
        self.campaigns = sorted(Campaign.objects.order_by("pk"), key=lambda c: c.issued_on)
        self.themes = list(Theme.objects.order_by("pk"))
        self.tags = self._tags()
        self.records = RecordPool(rng=self.rng, scale=self.target, vocabulary=self.vocabulary, log=self.log)
        self.records.fill()
        self.slugs = SlugBook(Article.objects.values_list("slug", flat=True))

    def _tags(self) -> list[int]:
        v = self.vocabulary
        names = [*v["tags"], *v["places"], *(f"năm {year}" for year in range(self.until.year - self.years, 2031))]
        existing = {name.lower() for name in Tag.objects.values_list("name", flat=True)}
        slugs = SlugBook(Tag.objects.values_list("slug", flat=True))
        new = [
            Tag(name=name, slug=slugs.make(name, max_length=94, fallback="the"))
            for name in names
            if name.lower() not in existing
        ]
        Tag.objects.bulk_create(new)
        self.counts["tags"] = len(new)
        wanted = {name.lower() for name in names}
        return [pk for pk, name in Tag.objects.values_list("pk", "name").order_by("pk") if name.lower() in wanted]

    # --- articles --------------------------------------------------------------------------------------------

    def run(self) -> dict:
        self.prepare()
        missing = max(0, self.target - Article.objects.published().count())
        span = datetime.timedelta(days=365.25 * self.years)
        start = self.until - span
        done = 0
        while done < missing:
            size = min(self.batch, missing - done)
            times = [start + span * ((done + i + self.rng.random()) / missing) for i in range(size)]
            with transaction.atomic():
                self._batch(times)
            done += size
            self.log(f"{done}/{missing} bài viết")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # VACUUM also sets the visibility map, so deep list pages are index-only scans at once; it cannot
                # run inside a transaction (a test's), where ANALYZE alone gives the planner its figures.
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        return self.counts

    def _batch(self, times: list[datetime.datetime]) -> None:
        articles = [self._article(when) for when in times]
        # A few drafts among them, as in a real newsroom (not counted towards N).
        drafts = [self._article(when, draft=True) for when in times if self.rng.random() < 0.02]
        views, comments = self._readers(articles)  # before the insert: view_count covers the daily figures
        with explicit_times(*(Article._meta.get_field(name) for name in ("created_at", "updated_at"))):
            Article.objects.bulk_create(articles + drafts, batch_size=500)
        ArticleDailyViews.objects.bulk_create(views, batch_size=2000)
        with explicit_times(Comment._meta.get_field("created_at")):
            Comment.objects.bulk_create(comments, batch_size=2000)
        self._links(articles)
        for name, rows in (("articles", articles), ("drafts", drafts), ("daily_views", views), ("comments", comments)):
            self.counts[name] += len(rows)

    def _article(self, when: datetime.datetime, *, draft: bool = False) -> Article:
        rng, v = self.rng, self.vocabulary
        year = when.year
        tail = rng.choice(v["tails"]).format(
            year=year,
            next=year + 1,
            quarter=rng.choice(["I", "II", "III", "IV"]),
            round=rng.randint(1, 3),
            place=rng.choice(v["places"]),
        )
        title = f"{rng.choice(v['units'])} {rng.choice(v['actions'])} {rng.choice(v['topics'])} {tail}".strip()
        lead = " ".join(self._sentence() for _ in range(2))
        paragraphs = [" ".join(self._sentence() for _ in range(rng.randint(3, 4))) for _ in range(rng.randint(4, 6))]
        if rng.random() < 0.004:  # a commune named in a handful of articles: the "rare word" of searches
            paragraphs.insert(1, f"Tại xã {rng.choice(v['rare_words'])}, mô hình được người dân đồng tình ủng hộ.")
        body = clean_html("".join(f"<p>{p}</p>" for p in paragraphs))
        folded, document = search_columns(title, lead, body)
        edited = when + datetime.timedelta(minutes=rng.randint(0, 600))
        return Article(
            title=title,
            slug=self.slugs.make(title, max_length=200, fallback="bai-viet"),
            lead=lead,
            body=body,
            category=self._category(),
            author_name=rng.choice(v["authors"]),
            source=rng.choice(v["sources"]),
            status=Article.Status.DRAFT if draft else Article.Status.PUBLISHED,
            published_at=when,
            created_at=when - datetime.timedelta(hours=rng.randint(1, 48)),
            updated_at=edited,
            is_featured=not draft and rng.random() < 0.01,
            view_count=0 if draft else self._view_count(when),
            search_folded=folded,
            search_document=document,
        )

    def _sentence(self) -> str:
        rng = self.rng
        return rng.choice(self.vocabulary["sentences"]).format(
            n=f"{rng.randint(12, 2400):,}".replace(",", "."),
            m=rng.randint(3, 950),
            pct=rng.randint(82, 99),
            k=rng.randint(2, 480),
        )

    def _category(self) -> Category:
        # Earlier categories (news, events) carry most articles, as on the real portals.
        weights = [1 / (1 + n) for n in range(len(self.categories))]
        return self.rng.choices(self.categories, weights)[0]

    def _view_count(self, when: datetime.datetime) -> int:
        age_days = max(1, (self.until - when).days)
        views = int(self.rng.randint(40, 300) + min(age_days, 2000) * self.rng.uniform(0.1, 1.5))
        return views * 10 if self.rng.random() < 0.03 else views

    def _links(self, articles: list[Article]) -> None:
        rng = self.rng
        campaign_rows, theme_rows, tag_rows = [], [], []
        for article in articles:
            year = article.published_at.year
            campaign = self._campaign(year)
            if campaign is not None:
                campaign_rows.append(Article.campaigns.through(article_id=article.pk, campaign_id=campaign.pk))
                themes = [t for t in self.themes if t.campaign_id == campaign.pk and t.year_start <= year <= t.year_end]
                if themes and rng.random() < 0.7:
                    theme_rows.append(Article.themes.through(article_id=article.pk, theme_id=rng.choice(themes).pk))
            for tag_id in self._pick_tags():
                tag_rows.append(TaggedArticle(content_object_id=article.pk, tag_id=tag_id))
        Article.campaigns.through.objects.bulk_create(campaign_rows, batch_size=2000)
        Article.themes.through.objects.bulk_create(theme_rows, batch_size=2000)
        TaggedArticle.objects.bulk_create(tag_rows, batch_size=2000)
        self.records.link(articles)

    def _campaign(self, year: int):
        """The newest campaign already issued that year, mostly; sometimes an older one; sometimes none."""
        issued = [c for c in self.campaigns if c.issued_on.year <= year]
        roll = self.rng.random()
        if not issued or roll < 0.3:
            return None
        return issued[-1] if roll < 0.85 else self.rng.choice(issued)

    def _pick_tags(self) -> set[int]:
        # A long tail: a few tags on many articles, most on few (Zipf-like).
        count = self.rng.randint(1, 4)
        return {self.tags[min(int(self.rng.paretovariate(1.1)) - 1, len(self.tags) - 1)] for _ in range(count)}

    # --- readers: daily views and comments --------------------------------------------------------------------

    def _readers(self, articles: list[Article]) -> tuple[list, list]:
        """Daily figures (every day for a month-old article, a few days after publication for older ones) and
        readers' comments, for articles not yet saved: their ids are filled in as they are inserted."""
        rng = self.rng
        today = self.until.date()
        views, comments = [], []
        for article in articles:
            published = timezone.localdate(article.published_at)
            days = (today - published).days + 1 if (today - published).days < 30 else rng.randint(1, 4)
            total = 0
            for offset in range(min(days, 30)):
                count = int(article.view_count / 4 * math.exp(-offset / 2)) + rng.randint(0, 5)
                views.append(
                    ArticleDailyViews(article=article, day=published + datetime.timedelta(offset), views=count)
                )
                total += count
            article.view_count = max(article.view_count, total)
            if rng.random() < 0.2:
                comments += [self._comment(article, n) for n in range(rng.randint(1, 3))]
        return views, comments

    def _comment(self, article: Article, n: int) -> Comment:
        rng, v = self.rng, self.vocabulary
        status = rng.choices(list(Comment.Status), [0.1, 0.85, 0.05])[0]
        sent = article.published_at + datetime.timedelta(hours=rng.randint(1, 96) + n)
        return Comment(
            article=article,
            name=rng.choice(v["comment_names"]),
            email=f"ban-doc-{rng.randint(1, 99999)}@example.vn",
            text=rng.choice(v["comments"]),
            status=status,
            created_at=sent,
            moderated_at=None if status == Comment.Status.PENDING else sent + datetime.timedelta(hours=2),
        )
