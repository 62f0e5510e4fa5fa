"""Shared by the robustness tests: a world with one of every public object, its addresses, hostile values.

Every named URL pattern of the public site must appear in ``public_urls``, or
tests/test_robustness.py::test_every_public_pattern_is_covered fails.
"""

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from campaigns.models import AwardProposal
from news.models import Tag
from news.preview import preview_token
from portal.polls.models import Poll
from portal.questions.models import Question, Topic
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import (
    make_article,
    make_award,
    make_campaign,
    make_category,
    make_contest,
    make_document,
    make_exemplar,
    make_good_model,
    make_theme,
    make_unit,
)

ALLOWED = {200, 301, 302, 400, 404, 405}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# Every value a filter of ours reads, each as garbage: pages, ids, slugs, years, free text.
LONG = "Đảng " * 1000  # 5,000 characters
HOSTILE_VALUES = [
    "abc",
    "-1",
    "0",
    "999999",
    "1e9",
    "99999999999999999999999",
    "không-có-thật",
    "\x00",
    "a\x00b",
    LONG,
    "!@#$%^&*()_+-=[]{};':\",./<>?\\|`~",
    "🇻🇳🙏🏻",
    "\u200f\u202eالعربية\u202c",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%",
    "*",
    '"',
]
FILTERS = ["page", "p", "q", "category", "campaign", "theme", "year", "unit", "kind", "month", "tag", "next"]


def hostile_queries():
    """Each hostile value as the page, and in every filter at once (a form checks each field on its own)."""
    for value in HOSTILE_VALUES:
        yield {"page": value}
        yield {"p": value}
        yield {name: value for name in FILTERS if name not in ("page", "p")}
    yield {"year": "99999"}
    yield {"year": "-5"}
    yield {"page": ["1", "2"], "q": ["a", "b"]}  # repeated parameters
    yield {"q": "Đảng", "category": "x", "campaign": "x", "theme": "x", "year": "x", "page": "x"}


def build_world() -> dict:
    category = make_category("Tin hoạt động")
    campaign = make_campaign("05-CT/TW")
    theme = make_theme(campaign=campaign, year=2019)
    tag = Tag.objects.create(name="Học tập và làm theo Bác")
    article = make_article(
        "Đảng ủy Sở sơ kết Chỉ thị 05", category=category, campaigns=[campaign], themes=[theme], tags=[tag]
    )
    unit = make_unit("Chi bộ Văn phòng")
    good_model = make_good_model("Nụ cười tiếp dân", unit=unit, campaigns=[campaign], themes=[theme])
    exemplar = make_exemplar(campaigns=[campaign], themes=[theme])
    award = make_award(exemplar=exemplar, campaign=campaign)
    document = make_document(campaign=campaign, theme=theme)
    contest = make_contest(campaign=campaign)
    campaign.document.save("chi-thi-05.pdf", ContentFile(PDF))
    document.file.save("ke-hoach.pdf", ContentFile(PDF))
    article.good_models.add(good_model)
    article.exemplars.add(exemplar)
    article.awards.add(award)
    article.documents.add(document)
    now = timezone.localtime()
    poll = Poll.objects.create(question="Bạn đọc tin trên cổng bằng thiết bị nào?")
    poll.choices.create(text="Điện thoại")
    proposal = AwardProposal.objects.create(
        title="Lấy ý kiến đề nghị Bằng khen", notice="…", opens_on=now.date(), is_published=True, campaign=campaign
    )
    proposal.nominees.create(name="Đồng chí Lâm", award_form="Bằng khen", achievement="…")
    topic = Topic.objects.create(name="Công tác đảng viên")
    question = Question.objects.create(topic=topic, title="Chuyển sinh hoạt đảng", text="…", name="A", email="a@b.vn")
    return {
        "article": article.slug,
        "article-pk": article.pk,
        "preview-token": preview_token(article),
        "category": category.slug,
        "tag": tag.slug,
        "campaign": campaign.slug,
        "theme": theme.slug,
        "good_model": good_model.slug,
        "exemplar": exemplar.slug,
        "award": award.pk,
        "contest": contest.slug,
        "document": document.slug,
        "poll": poll.pk,
        "question": question.code,
        "proposal": proposal.slug,
        "year": now.year,
        "month": now.month,
    }


def public_urls(w: dict, *, missing: bool = False) -> dict[str, str]:
    """Name -> address of every public pattern, for the objects in ``w`` or for objects that do not exist."""

    def s(key):
        return "khong-ton-tai-" + key.replace("_", "-") if missing else w[key]

    def pk(key):
        return 987654321 if missing else w[key]

    year, month = (1899, 1) if missing else (w["year"], w["month"])
    return {
        "home": reverse("home"),
        "sitemap": reverse("sitemap"),
        # A section whose first page always exists (the articles' pages are ranges of ids, and the test database's
        # ids do not start at 1 on PostgreSQL); their own hostile page numbers: tests/portal/test_sitemap_index.py.
        "sitemap-section": reverse("sitemap-section", args=["khong-ton-tai" if missing else "pages"]),
        "robots": reverse("robots"),
        "favicon": reverse("favicon"),
        "news:latest": reverse("news:latest"),
        "news:article-detail": reverse("news:article-detail", args=[s("article")]),
        "news:article-preview": reverse("news:article-preview", args=[pk("article-pk")]),
        "news:article-preview-signed": reverse(
            "news:article-preview-signed", args=["khong-hop-le:abc:def" if missing else w["preview-token"]]
        ),
        "news:category": reverse("news:category", args=[s("category")]),
        "news:tag": reverse("news:tag", args=[s("tag")]),
        "news:search": reverse("news:search"),
        "news:archive": reverse("news:archive"),
        "news:archive-month": reverse("news:archive-month", args=[year, month]),
        "news:feed-rss": reverse("news:feed-rss"),
        "news:feed-atom": reverse("news:feed-atom"),
        "news:category-feed-rss": reverse("news:category-feed-rss", args=[s("category")]),
        "news:category-feed-atom": reverse("news:category-feed-atom", args=[s("category")]),
        "news:campaign-feed-rss": reverse("news:campaign-feed-rss", args=[s("campaign")]),
        "news:campaign-feed-atom": reverse("news:campaign-feed-atom", args=[s("campaign")]),
        "comments:comment-post": reverse("comments:comment-post", args=[s("article")]),
        "comments:comment-attachment": reverse("comments:comment-attachment", args=[987654321]),
        "campaigns:campaign-list": reverse("campaigns:campaign-list"),
        "campaigns:campaign-detail": reverse("campaigns:campaign-detail", args=[s("campaign")]),
        "campaigns:campaign-document": reverse("campaigns:campaign-document", args=[s("campaign")]),
        "campaigns:theme-detail": reverse("campaigns:theme-detail", args=[s("campaign"), s("theme")]),
        "campaigns:goodmodel-list": reverse("campaigns:goodmodel-list"),
        "campaigns:goodmodel-detail": reverse("campaigns:goodmodel-detail", args=[s("good_model")]),
        "campaigns:exemplar-list": reverse("campaigns:exemplar-list"),
        "campaigns:exemplar-detail": reverse("campaigns:exemplar-detail", args=[s("exemplar")]),
        "campaigns:award-list": reverse("campaigns:award-list"),
        "campaigns:award-detail": reverse("campaigns:award-detail", args=[pk("award")]),
        "campaigns:contest-list": reverse("campaigns:contest-list"),
        "campaigns:contest-detail": reverse("campaigns:contest-detail", args=[s("contest")]),
        "campaigns:document-list": reverse("campaigns:document-list"),
        "campaigns:document-detail": reverse("campaigns:document-detail", args=[s("document")]),
        "campaigns:document-file": reverse("campaigns:document-file", args=[s("document")]),
        "polls:detail": reverse("polls:detail", args=[pk("poll")]),
        "polls:vote": reverse("polls:vote", args=[pk("poll")]),
        "site-map": reverse("site-map"),
        "about:introduction": reverse("about:introduction"),
        "schedule:week": reverse("schedule:week"),
        "schedule:week-of": reverse(
            "schedule:week-of", kwargs={"year": 1899 if missing else year, "week": 60 if missing else 1}
        ),
        "campaigns:proposal-list": reverse("campaigns:proposal-list"),
        "campaigns:proposal-detail": reverse("campaigns:proposal-detail", args=[s("proposal")]),
        "privacy:policy": reverse("privacy:policy"),
        "contact:contact": reverse("contact:contact"),
        "questions:list": reverse("questions:list"),
        "questions:ask": reverse("questions:ask"),
        "questions:track": reverse("questions:track"),
        "questions:status": reverse("questions:status", args=["HD-KHONGCO" if missing else w["question"]]),
        "questions:attachment": reverse("questions:attachment", args=["HD-KHONGCO" if missing else w["question"]]),
        "ratings:rate": reverse("ratings:rate"),
        **api_urls(s, pk),
    }


def api_urls(s, pk) -> dict[str, str]:
    """The read-only API's addresses (portal/api): lists, one record of each kind, the OpenAPI document."""
    urls = {
        f"api:{name}": reverse(f"api:{name}")
        for name in (
            "article_list",
            "category_list",
            "campaign_list",
            "theme_list",
            "document_list",
            "good_model_list",
            "exemplar_list",
            "award_list",
            "openapi-json",
            "api-root",
        )
    }
    for name, key in (
        ("article_detail", "article"),
        ("category_detail", "category"),
        ("campaign_detail", "campaign"),
        ("document_detail", "document"),
        ("good_model_detail", "good_model"),
        ("exemplar_detail", "exemplar"),
    ):
        urls[f"api:{name}"] = reverse(f"api:{name}", args=[s(key)])
    urls["api:award_detail"] = reverse("api:award_detail", args=[pk("award")])
    return urls


def request_or_error(client, method, url, data=None):
    """The status, or the exception a view let through (a 500 in production)."""
    try:
        response = getattr(client, method)(url, data or {})
    except Exception as error:  # every escape is what this module looks for
        return None, f"{type(error).__name__}: {str(error)[:200]}"
    return response, None


def reader():
    return Client(HTTP_USER_AGENT=BROWSER_USER_AGENT)
