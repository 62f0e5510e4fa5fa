"""Articles: what a reader may see of them (the queryset) and what an editor writes (the model)."""

import itertools

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Count, Exists, ExpressionWrapper, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, Substr, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_ckeditor_5.fields import CKEditor5Field
from taggit.managers import TaggableManager

from campaigns.models import Award, Campaign, Document, Exemplar, GoodModel, Theme
from portal.formats import vn_clock_day
from portal.text import unique_slug
from portal.uploads.pictures import PictureField

from .. import search as article_search
from ..images import make_renditions
from ..sanitize import clean_html
from .categories import Category, TaggedArticle


def published_q(prefix: str = "") -> Q:
    """What readers may see: published, and not scheduled for later. The one definition used everywhere.

    ``prefix`` reaches articles through a relation: ``published_q("articles")`` for categories' articles.
    """
    path = f"{prefix}__" if prefix else ""
    return Q(**{f"{path}status": Article.Status.PUBLISHED, f"{path}published_at__lte": timezone.now()})


# How many of the newest articles ``newest_per_group`` reads before asking for a group's older ones.
RECENT_WINDOW = 200

# The records an article may link (good models, exemplars, awards, documents): what "has records" means.
RECORD_LINKS = ("good_models", "exemplars", "awards", "documents")


def is_reviewer(user) -> bool:
    """Editors and administrators review every article; writers see only their own."""
    return user.has_perm("news.review_article")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """What readers may see (``published_q``)."""
        return self.filter(published_q())

    def visible_to(self, user):
        """The articles ``user`` sees in the admin: every one for reviewers, a writer's own for the others."""
        return self if is_reviewer(user) else self.filter(created_by_id=user.pk)

    def scheduled(self):
        """Published by an editor for a time still to come: readers see them when it comes."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def with_records_flag(self):
        """Annotate ``has_records``: whether the article links any record (one EXISTS per link table), so a page
        loads the records only for the few articles that have some."""
        condition = Q()
        for name in RECORD_LINKS:
            through = getattr(Article, name).through
            condition |= Q(Exists(through.objects.filter(article_id=OuterRef("pk"))))
        return self.annotate(has_records=ExpressionWrapper(condition, output_field=models.BooleanField()))

    def newest_per_group(self, group, groups, n: int) -> dict:
        """``{group id: its n newest}`` for each id of ``groups``, where ``group`` is an expression (such as
        ``F("category_id")``) giving an article's group.

        The newest ``RECENT_WINDOW`` articles of all groups come in one query that walks the publication-time
        index and stops (no window function sorting the whole table); only a group still short after them, and
        only when older articles exist, costs a query of its own.
        """
        wanted = set(groups)
        # Ids first (no model built for the articles not shown), then the chosen few as full rows.
        recent = list(
            self.annotate(group_id=group).filter(group_id__in=wanted).values_list("pk", "group_id")[:RECENT_WINDOW]
        )
        chosen: dict = {pk: [] for pk in wanted}
        for pk, group_id in recent:
            if len(chosen[group_id]) < n:
                chosen[group_id].append(pk)
        rows = {article.pk: article for article in self.filter(pk__in={pk for ids in chosen.values() for pk in ids})}
        found: dict = {group_id: [rows[pk] for pk in ids if pk in rows] for group_id, ids in chosen.items()}
        if len(recent) == RECENT_WINDOW:  # older articles exist: fill the groups the window left short
            for pk in [pk for pk, items in found.items() if len(items) < n]:
                found[pk] = list(self.annotate(group_id=group).filter(group_id=pk)[:n])
        return found

    def for_listing(self):
        """The columns a list entry shows, with its category, in one query."""
        return self.select_related("category").only(
            "id",
            "title",
            "slug",
            "lead",
            "cover",
            "cover_caption",
            "published_at",
            "view_count",
            "category__id",
            "category__name",
            "category__slug",
        )

    def latest(self):
        return self.published().for_listing().order_by("-published_at", "-id")

    def most_viewed(self):
        return self.published().for_listing().order_by("-view_count", "-published_at")

    def featured(self):
        """The home page's featured stories, in the editors' order: marked featured, published, and not past the
        time until which they stay featured."""
        now = timezone.now()
        return (
            self.published()
            .for_listing()
            .filter(is_featured=True)
            .filter(Q(featured_until__isnull=True) | Q(featured_until__gt=now))
            .order_by(F("featured_position").asc(nulls_last=True), "-published_at", "-id")
        )

    def in_category(self, category: "Category"):
        return self.filter(category_id__in=category.family_ids())

    def with_relatedness_to(self, article: "Article"):
        """Annotate ``same_theme``, ``same_campaign`` and ``shared_tags`` (how alike to ``article``'s links).

        The article's own themes, campaigns and tags are subqueries, not loaded rows.
        """
        themes = Article.themes.through.objects.filter(article_id=article.pk).values("theme_id")
        campaigns = Article.campaigns.through.objects.filter(article_id=article.pk).values("campaign_id")
        tags = TaggedArticle.objects.filter(content_object_id=article.pk).values("tag_id")
        shared_tags = (
            TaggedArticle.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tags)
            .order_by()
            .values("content_object_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            same_theme=Exists(Article.themes.through.objects.filter(article_id=OuterRef("pk"), theme_id__in=themes)),
            same_campaign=Exists(
                Article.campaigns.through.objects.filter(article_id=OuterRef("pk"), campaign_id__in=campaigns)
            ),
            shared_tags=Coalesce(Subquery(shared_tags), 0),
        )

    def with_similar_words_to(self, article: "Article"):
        """Annotate ``similar_words``: how many of ``article``'s title phrases are in the title or lead.

        The phrases are pairs of consecutive title words, matched folded (so "uỷ" meets "ủy") in the
        title-and-lead head of ``search_folded``.
        """
        head = Substr("search_folded", 1, article_search.HEAD_LENGTH)
        return self.annotate(
            similar_words=article_search._hits(
                article_search.Like(head, models.Value(f"% {phrase} %|%")) for phrase in related_phrases(article.title)
            )
        )

    def related_to(self, article: "Article"):
        """Published articles ranked as an editor would: same theme, then same campaign, then more shared tags,
        then more of the article's title phrases in their title or lead, then newer first. One query.

        This is the definition; ``news.related.compute_related`` gives the same first N faster on large tables.
        """
        return (
            self.published()
            .exclude(pk=article.pk)
            .with_relatedness_to(article)
            .with_similar_words_to(article)
            .filter(
                Q(same_theme=True) | Q(same_campaign=True) | Q(pk__in=tagged_alike(article)) | Q(similar_words__gt=0)
            )
            .for_listing()
            .order_by("-same_theme", "-same_campaign", "-shared_tags", "-similar_words", "-published_at", "-id")
        )

    def linked_to(self, article: "Article"):
        """``related_to`` without the title words: articles sharing a theme, a campaign or a tag, best first."""
        return (
            self.published()
            .exclude(pk=article.pk)
            .with_relatedness_to(article)
            .filter(Q(same_theme=True) | Q(same_campaign=True) | Q(pk__in=tagged_alike(article)))
            .order_by("-same_theme", "-same_campaign", "-shared_tags", "-published_at", "-id")
        )

    def month_counts(self):
        """``{"month": first day of the month (local time), "count": n}`` per month, newest first: one query."""
        return (
            self.annotate(month=TruncMonth("published_at"))
            .values("month")
            .annotate(count=Count("id"))
            .order_by("-month")
        )

    def search(self, query: str | None):
        """Published articles matching a reader's query, best first (see ``news.search``)."""
        return article_search.search(self.published(), query)

    def search_similar(self, query: str | None):
        """Published articles whose title is close to the query despite typos (PostgreSQL only)."""
        return article_search.search_similar(self.published(), query)


def tagged_alike(article: "Article"):
    """Ids of the articles sharing a tag with ``article``, as a subquery (a hashed set, not a lookup per row)."""
    tags = TaggedArticle.objects.filter(content_object_id=article.pk).values("tag_id")
    return TaggedArticle.objects.filter(tag_id__in=tags).values("content_object_id")


# Function words too common to make two articles related ("và", "của", "các", ...). Compared with their
# diacritics: folded, "đang" (is doing) would also be "Đảng" (the Party) and "tại" (at) "tài" (resources).
RELATED_STOPWORDS = frozenset(
    {"và", "của", "các", "những", "nhưng", "cho", "với", "trong", "là", "tại", "về", "một", "được", "này", "đã"}
    | {"để", "từ", "đến", "khi", "trên", "ở", "thì", "mà", "có", "sẽ", "đang", "cũng", "năm", "số"}
)
MAX_RELATED_PHRASES = 8


def related_phrases(title: str) -> list[str]:
    """Pairs of consecutive folded title words, skipping pairs with a function word: what "similar words" means.

    Pairs, not single words: a Vietnamese word is often two syllables ("học tập", "tiếp dân"), and single
    syllables ("học", "dân") are in nearly every article of this portal.
    """
    title_words = article_search.words(title)
    phrases = []
    for first, second in itertools.pairwise(title_words):
        if first in RELATED_STOPWORDS or second in RELATED_STOPWORDS:
            continue
        phrase = " ".join(article_search.folded_words(f"{first} {second}"))
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases[:MAX_RELATED_PHRASES]


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Bản nháp")
        PUBLISHED = "published", _("Đã đăng")
        # The newsroom's review (news.services moves an article between these, and logs who did it).
        IN_REVIEW = "review", _("Chờ duyệt")
        RETURNED = "returned", _("Trả lại")
        WITHDRAWN = "withdrawn", _("Đã gỡ")

    title = models.CharField(_("tiêu đề"), max_length=300)
    slug = models.SlugField(
        _("đường dẫn"), max_length=200, unique=True, blank=True, help_text=_("Để trống để tạo tự động từ tiêu đề.")
    )
    lead = models.TextField(_("sapo (tóm tắt)"), max_length=1000)
    body = CKEditor5Field(_("nội dung"), config_name="default")
    cover = PictureField(_("ảnh đại diện"), upload_to="covers/%Y/%m/", blank=True)
    cover_caption = models.CharField(_("chú thích ảnh"), max_length=300, blank=True)
    author_name = models.CharField(_("tác giả"), max_length=120, blank=True)
    source = models.CharField(_("nguồn"), max_length=200, blank=True, help_text=_("Ví dụ: Theo Báo Long An"))
    category = models.ForeignKey(Category, models.PROTECT, related_name="articles", verbose_name=_("chuyên mục"))
    tags = TaggableManager(_("thẻ"), through=TaggedArticle, blank=True)
    campaigns = models.ManyToManyField(
        Campaign, blank=True, related_name="articles", verbose_name=_("chương trình, phong trào")
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="articles", verbose_name=_("chuyên đề"))
    # The emulation records an article reports on; each record's page lists them as "Bài viết liên quan".
    good_models = models.ManyToManyField(GoodModel, blank=True, related_name="articles", verbose_name=_("mô hình hay"))
    exemplars = models.ManyToManyField(Exemplar, blank=True, related_name="articles", verbose_name=_("gương điển hình"))
    awards = models.ManyToManyField(Award, blank=True, related_name="articles", verbose_name=_("khen thưởng"))
    documents = models.ManyToManyField(Document, blank=True, related_name="articles", verbose_name=_("văn bản"))
    # The library pictures the article shows (cover or body), kept on save by news.library_use: "dùng trong 3 bài".
    library_images = models.ManyToManyField(
        "library.LibraryImage", blank=True, editable=False, related_name="articles", verbose_name=_("ảnh thư viện")
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("thời gian đăng"), null=True, blank=True, help_text=_("Thời gian trong tương lai sẽ hẹn giờ đăng bài.")
    )
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lần cuối"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("người tạo"),
    )
    is_featured = models.BooleanField(_("tin nổi bật"), default=False)
    # Nullable without a default: SQLite then adds the column in place instead of copying the table, which
    # would drop the search index's triggers (news/migrations/0007).
    featured_position = models.PositiveSmallIntegerField(
        _("thứ tự nổi bật"),
        null=True,
        blank=True,
        help_text=_("Số nhỏ hiện trước trong các tin nổi bật trên trang chủ; để trống: xếp sau, bài mới trước."),
    )
    featured_until = models.DateTimeField(
        _("nổi bật đến"),
        null=True,
        blank=True,
        help_text=_("Sau thời điểm này bài thôi nổi bật trên trang chủ. Để trống: nổi bật đến khi bỏ chọn."),
    )
    view_count = models.PositiveBigIntegerField(_("lượt xem"), default=0)
    allow_comments = models.BooleanField(
        _("cho phép bình luận"), default=True, help_text=_("Bỏ chọn để đóng bình luận của riêng bài này.")
    )
    legacy_key = models.CharField(
        _("mã bài trên cổng cũ"),
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text=_("Dấu vân tay của tệp đã nhập (import_legacy): nhập lại không tạo bài trùng."),
    )
    # Search columns, derived from title, lead and body (see news.search). search_vector is PostgreSQL's,
    # kept current by a trigger; the two text columns are kept current by save().
    search_folded = models.TextField(_("văn bản tìm kiếm không dấu"), default="", editable=False)
    search_document = models.TextField(_("tiêu đề và sapo để xếp hạng tìm kiếm"), default="", editable=False)
    search_vector = SearchVectorField(_("chỉ mục tìm kiếm"), null=True, editable=False)
    # Title and lead only: small enough to rank thousands of matches quickly (PostgreSQL, same trigger).
    search_head = SearchVectorField(_("chỉ mục tiêu đề và sapo"), null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("bài viết")
        verbose_name_plural = _("bài viết")
        indexes = [
            # The lists' order, with what their filters read (PostgreSQL INCLUDE): a deep page's ids come from
            # the index alone (``portal.pagination.CountedPaginator``), not from thousands of table rows.
            models.Index(
                fields=["status", "-published_at", "-id"], include=["category"], name="article_published_list_idx"
            ),
            models.Index(fields=["category", "status", "-published_at"], name="article_category_idx"),
            models.Index(fields=["status", "is_featured", "-published_at"], name="article_featured_idx"),
            models.Index(fields=["status", "-view_count"], name="article_most_viewed_idx"),
        ]
        permissions = [
            ("submit_article", _("Gửi bài chờ duyệt")),
            ("review_article", _("Duyệt bài, trả lại bài")),
            ("publish_article", _("Đăng bài, gỡ bài")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Article, self.title, max_length=200, instance_pk=self.pk)
        self.body = clean_html(self.body)
        self.search_folded, self.search_document = article_search.search_columns(self.title, self.lead, self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "lead", "body"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_folded", "search_document"}
        if self.status == self.Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)
        if self.cover:
            make_renditions(self.cover)

    def get_absolute_url(self):
        return reverse("news:article-detail", kwargs={"slug": self.slug})

    @property
    def is_scheduled(self) -> bool:
        """Published, with a publication time still to come: readers see it then (``ArticleQuerySet.scheduled``)."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    def status_label(self) -> str:
        """The status as staff should read it: "Hẹn giờ đăng 09:00 17/12" for a scheduled article, not "Đã đăng"."""
        if self.is_scheduled:
            return _("Hẹn giờ đăng %(when)s") % {"when": vn_clock_day(self.published_at)}
        return self.get_status_display()

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )
