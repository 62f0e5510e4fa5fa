"""``seed_demo`` makes what the data files describe, once, and leaves what people made or edited alone."""

import itertools

import pytest
from django.core import serializers
from django.db.models import Q
from django.utils import timezone

from campaigns.models import Award, Campaign, Contest, Document, Exemplar, GoodModel, Issuer, Theme, Unit
from news.comments.models import Comment
from news.models import Article, Category, RelatedArticle
from news.viewcounts.models import ArticleDailyViews
from portal.about.models import Introduction, Leader, OrgUnit
from portal.demo.data import load
from portal.demo.emulation import key_of_award
from portal.polls.models import Poll, PollChoice, PollVote
from portal.schedule.models import ScheduleEntry
from portal.site_parts.models import BannerLink, Slogan, Video, WebLink
from portal.visitors.models import SiteVisitDay
from tests.factories import make_exemplar, make_good_model, make_unit

pytestmark = pytest.mark.django_db

TABLES = [
    Issuer, Campaign, Theme, Document, Category, Slogan, Article, RelatedArticle, ArticleDailyViews, Comment,
    Unit, GoodModel, Exemplar, Award, Contest, Poll, PollChoice, PollVote, BannerLink, WebLink, Video, SiteVisitDay,
    Introduction, OrgUnit, Leader, ScheduleEntry,
]  # fmt: skip


def everything() -> list[dict]:
    """Every row the demo could touch, with its fields and many-to-many links, in a comparable form."""
    return list(
        itertools.chain.from_iterable(serializers.serialize("python", m.objects.order_by("pk")) for m in TABLES)
    )


def theme_key(theme: Theme) -> str:
    """The key the data file gives ``theme`` (its campaign, first year, scope and issuer)."""
    issuers = {entry["key"]: entry["name"] for entry in load("campaigns")["issuers"]}
    for entry in load("campaigns")["themes"]:
        if (entry["campaign"], entry["year_start"], entry["scope"], issuers[entry["issuer"]]) == (
            theme.campaign.code,
            theme.year_start,
            theme.scope,
            theme.issuer.name,
        ):
            return entry["key"]
    raise AssertionError(f"{theme} is not a demo theme")


def test_every_entry_of_the_data_files_exists_once(seed_demo):
    seed_demo()
    seed_demo()
    campaigns, emulation = load("campaigns"), load("emulation")
    for entry in load("articles")["articles"]:
        article = Article.objects.get(slug=entry["slug"])
        assert article.title == entry["title"]
        assert (article.status == Article.Status.DRAFT) == entry.get("draft", False)
    assert Article.objects.filter(title__in=[e["title"] for e in load("articles")["articles"]]).count() == len(
        load("articles")["articles"]
    )
    for entry in campaigns["issuers"]:
        assert Issuer.objects.get(name=entry["name"]).short_name == entry["short_name"]
    for entry in campaigns["campaigns"]:
        assert Campaign.objects.get(code=entry["code"]).title == entry["title"]
    for entry in campaigns["documents"] + emulation["documents"]:
        assert Document.objects.filter(number=entry["number"]).count() == 1
    for entry in load("categories")["categories"]:
        category = Category.objects.get(slug=entry["slug"])
        assert (category.parent.slug if category.parent else None) == entry["parent"]
    assert sorted(Slogan.objects.values_list("text", flat=True)) == sorted(load("categories")["slogans"])
    assert sorted(theme_key(theme) for theme in Theme.objects.all()) == sorted(e["key"] for e in campaigns["themes"])
    for model, entries in [(Unit, "units"), (GoodModel, "good_models"), (Exemplar, "exemplars"), (Contest, "contests")]:
        assert sorted(model.objects.values_list("slug", flat=True)) == sorted(e["slug"] for e in emulation[entries])
    awards = [(e["decision_number"], *e["recipient"].values()) for e in emulation["awards"]] + [
        (contest["decision"]["number"], *prize["recipient"].values())
        for contest in emulation["contests"]
        for prize in contest.get("prizes", [])
    ]
    assert sorted(key_of_award(award) for award in Award.objects.all()) == sorted(f"{n}:{s}" for n, s in awards)


def test_campaigns_continue_each_other_as_the_data_file_says(seed_demo):
    seed_demo()
    for entry in load("campaigns")["campaigns"]:
        campaign = Campaign.objects.get(code=entry["code"])
        assert (campaign.continues.code if campaign.continues else None) == entry["continues"]
    term = Theme.objects.get(campaign__code="01-KL/TW", year_start=2021)
    assert term.years_label == "2021-2025"


def test_articles_carry_the_links_the_data_files_declare(seed_demo):
    seed_demo()
    emulation, activity = load("emulation"), load("activity")
    for entry in load("articles")["articles"]:
        article = Article.objects.get(slug=entry["slug"])
        declared = {
            "good_models": {g["slug"] for g in emulation["good_models"] if entry["slug"] in g["articles"]},
            "exemplars": {e["slug"] for e in emulation["exemplars"] if entry["slug"] in e["articles"]},
            "awards": set(),
            "themes": set(entry.get("themes", [])),
            "documents": set(),
            "related": {},
        }
        for link in (link for link in activity["record_links"] if link["article"] == entry["slug"]):
            for field in ("good_models", "exemplars", "awards"):
                declared[field] |= set(link.get(field, []))
        declared["themes"] |= {link["theme"] for link in activity["article_themes"] if link["article"] == entry["slug"]}
        for link in (link for link in emulation["article_documents"] if link["article"] == entry["slug"]):
            declared["documents"] |= set(link["documents"])
        for pin in (pin for pin in activity["pins"] if pin["article"] == entry["slug"]):
            declared["related"] = {related["article"]: related["position"] for related in pin["related"]}

        assert sorted(article.tags.names()) == sorted(entry["tags"])
        assert {c.code for c in article.campaigns.all()} == set(entry["campaigns"])
        assert {theme_key(t) for t in article.themes.all()} == declared["themes"]
        assert {g.slug for g in article.good_models.all()} == declared["good_models"]
        assert {e.slug for e in article.exemplars.all()} == declared["exemplars"]
        assert {key_of_award(a) for a in article.awards.all()} == declared["awards"]
        assert {d.number for d in article.documents.all()} == declared["documents"]
        pinned = RelatedArticle.objects.filter(article=article)
        assert {r.related.slug: r.position for r in pinned} == declared["related"]


def test_records_carry_the_links_the_data_files_declare(seed_demo):
    seed_demo()
    theme_records = load("activity")["theme_records"]
    for model, entries in [(GoodModel, "good_models"), (Exemplar, "exemplars")]:
        for entry in load("emulation")[entries]:
            record = model.objects.get(slug=entry["slug"])
            assert {c.code for c in record.campaigns.all()} == set(entry["campaigns"])
            themes = set(entry.get("themes", [])) | {t["theme"] for t in theme_records if entry["slug"] in t[entries]}
            assert {theme_key(t) for t in record.themes.all()} == themes


def test_a_second_run_creates_and_changes_nothing(seed_demo):
    seed_demo()
    before = everything()
    output = seed_demo()
    assert everything() == before
    assert "Dữ liệu mẫu: 0 bài viết mới" in output
    assert "0 bài viết được gắn văn bản" in output
    assert "0 số liệu lượt xem theo ngày, 0 ngày lượt truy cập, 0 tin liên quan chọn tay, 0 liên kết" in output


def test_demo_articles_have_readable_vietnamese_slugs():
    for entry in load("articles")["articles"]:
        assert entry["slug"].isascii() and "--" not in entry["slug"]


def test_the_demo_never_touches_what_people_made_or_edited(seed_demo, editor):
    seed_demo()
    # An editor writes the newest article, its title full of the words the demo's links were once found by ...
    mine = Article.objects.create(
        title="Nụ cười tiếp dân năm 2026: Tổng kết 5 năm thực hiện Kết luận 01-KL/TW, gương Lê Hoàng Phúc",
        lead="Sơ kết 2 năm thực hiện Kết luận 01-KL/TW; Kế hoạch số 35-KH/ĐU; chuyên đề về ý chí tự lực.",
        body="<p>Ra mắt cổng thông tin: Lê Minh Tâm, Một cửa điện tử, Thu Hà, trợ giúp pháp.</p>",
        category=Category.objects.get(slug="tin-tuc-su-kien"),
        status=Article.Status.PUBLISHED,
        published_at=timezone.now(),
        created_by=editor,
    )
    # ... renames a demo article and unlinks one of its records ...
    slug = "dang-uy-so-trien-khai-nhiem-vu-hoc-tap-va-lam-theo-bac-nam-2026-gan-voi-chuyen-doi-so-trong-co-quan"
    edited = Article.objects.get(slug=slug)
    demo_title = edited.title
    edited.title = "Chuyển đổi số trong học tập và làm theo Bác năm 2026 (đã biên tập)"
    edited.save()
    smile = GoodModel.objects.get(slug="nu-cuoi-tiep-dan")
    unlinked = smile.articles.order_by("pk").first()
    unlinked.good_models.remove(smile)
    # ... and records a good model and an exemplar of their own.
    unit = make_unit("Bộ phận một cửa xã Long Hậu")
    make_good_model("Nụ cười tiếp dân ở xã Long Hậu", unit=unit)
    make_exemplar("Đồng chí Lê Minh Tâm (Long Hậu)", unit=unit)
    before = everything()

    seed_demo()

    assert everything() == before  # nothing created, changed, linked or unlinked
    mine.refresh_from_db()
    assert not RelatedArticle.objects.filter(Q(article=mine) | Q(related=mine)).exists()
    for field in ("good_models", "exemplars", "awards", "documents", "themes", "campaigns"):
        assert not getattr(mine, field).exists(), field
    assert not mine.comments.exists() and not mine.daily_views.exists()
    assert Article.objects.get(slug=slug).title == edited.title
    assert not Article.objects.filter(title=demo_title).exists()
    assert smile not in unlinked.good_models.all()
