"""Dublin Core (TT 24/2011/TT-BTTTT) on the home page, the introduction and every article."""

import datetime

import pytest

from portal.about.models import Introduction
from tests.factories import make_article, make_category
from tests.html_tree import parse

pytestmark = pytest.mark.django_db
SITE = "https://dangbo.example.gov.vn"
REQUIRED = {"DC.title", "DC.creator", "DC.date", "DC.description", "DC.publisher", "DC.identifier", "DC.language"}


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.SITE_NAME = "Đảng bộ Sở Thử nghiệm"


def dublin_core(client, path) -> dict[str, str]:
    head = parse(client.get(path).content).find("head")
    assert any(link.attrs.get("rel") == "schema.DC" for link in head.find_all("link"))
    return {
        m.attrs["name"]: m.attrs["content"] for m in head.find_all("meta") if m.attrs.get("name", "").startswith("DC.")
    }


def test_article_carries_its_own_title_author_day_subject_and_source(client):
    published = datetime.datetime(2026, 5, 1, 23, 30, tzinfo=datetime.UTC)  # 2 May in Vietnam
    article = make_article(
        "Chi bộ Văn phòng sinh hoạt chuyên đề",
        category=make_category("Hoạt động chi bộ"),
        tags=["nêu gương"],
        author_name="HẢI AN",
        source="Theo Báo Long An",
        lead="Chi bộ sinh hoạt chuyên đề năm.",
        published_at=published,
    )
    dc = dublin_core(client, article.get_absolute_url())
    assert dc.keys() >= REQUIRED
    assert dc["DC.title"] == article.title
    assert dc["DC.creator"] == "HẢI AN"
    assert dc["DC.date"] == "2026-05-02"
    assert dc["DC.description"] == "Chi bộ sinh hoạt chuyên đề năm."
    assert dc["DC.publisher"] == "Đảng bộ Sở Thử nghiệm"
    assert dc["DC.identifier"] == SITE + article.get_absolute_url()
    assert dc["DC.language"] == "vi"
    assert dc["DC.subject"] == "Hoạt động chi bộ; nêu gương"
    assert dc["DC.source"] == "Theo Báo Long An"


def test_an_article_without_author_is_created_by_the_portal_and_has_no_empty_source(client):
    dc = dublin_core(client, make_article(author_name="", source="").get_absolute_url())
    assert dc["DC.creator"] == "Đảng bộ Sở Thử nghiệm"
    assert "DC.source" not in dc


def test_home_page_is_dated_by_its_newest_article(client):
    make_article(published_at=datetime.datetime(2026, 3, 1, 3, 0, tzinfo=datetime.UTC))
    make_article(published_at=datetime.datetime(2026, 3, 9, 3, 0, tzinfo=datetime.UTC))
    dc = dublin_core(client, "/")
    assert dc.keys() >= REQUIRED
    assert dc["DC.date"] == "2026-03-09"
    assert dc["DC.identifier"] == SITE + "/"


def test_introduction_carries_dublin_core(client):
    Introduction.objects.create(summary="Đảng bộ Sở lãnh đạo toàn diện.")
    dc = dublin_core(client, "/gioi-thieu/")
    assert dc.keys() >= REQUIRED
    assert dc["DC.title"] == "Giới thiệu"
    assert dc["DC.description"].startswith("Đảng bộ Sở lãnh đạo toàn diện.")
    assert dc["DC.identifier"] == SITE + "/gioi-thieu/"
