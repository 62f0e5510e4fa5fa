"""How the API answers: paging, date and campaign filters, ETag and 304, HEAD, the rate limit, OpenAPI."""

import datetime

import pytest
from django.utils import timezone
from openapi_spec_validator import validate

from campaigns.models import Document
from tests.factories import make_article, make_award, make_campaign, make_category, make_document, make_good_model

pytestmark = pytest.mark.django_db


def at(day: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day}T09:00"))


def test_lists_come_in_pages(client):
    category = make_category()
    for n in range(25):
        make_article(f"Bài số {n}", category=category)
    first = client.get("/api/articles/").json()
    assert (first["count"], first["page"], first["page_size"], first["pages"], len(first["items"])) == (
        25,
        1,
        20,
        2,
        20,
    )
    second = client.get("/api/articles/", {"page": 2}).json()
    assert len(second["items"]) == 5
    assert {item["slug"] for item in first["items"]}.isdisjoint(item["slug"] for item in second["items"])
    assert client.get("/api/articles/", {"page": 3}).json()["items"] == []
    assert len(client.get("/api/articles/", {"page_size": 7}).json()["items"]) == 7


@pytest.mark.parametrize("query", [{"page": "0"}, {"page": "abc"}, {"page_size": "101"}, {"page": "9" * 25}])
def test_bad_paging_is_a_vietnamese_400(client, query):
    response = client.get("/api/articles/", query)
    assert response.status_code == 400
    assert response.json()["detail"].startswith("Tham số không hợp lệ")


def test_articles_filter_by_date_and_campaign(client):
    campaign = make_campaign("05-CT/TW")
    old = make_article("Bài tháng ba", published_at=at("2024-03-10"), campaigns=[campaign])
    new = make_article("Bài tháng năm", published_at=at("2024-05-10"))
    both = {"since": "2024-03-10", "until": "2024-05-10"}
    assert {a["slug"] for a in client.get("/api/articles/", both).json()["items"]} == {old.slug, new.slug}
    assert [a["slug"] for a in client.get("/api/articles/", {"since": "2024-04-01"}).json()["items"]] == [new.slug]
    assert [a["slug"] for a in client.get("/api/articles/", {"until": "2024-04-01"}).json()["items"]] == [old.slug]
    by_campaign = client.get("/api/articles/", {"campaign": campaign.slug}).json()["items"]
    assert [a["slug"] for a in by_campaign] == [old.slug]
    assert client.get("/api/articles/", {"campaign": "khong-co"}).json()["count"] == 0


def test_records_filter_by_their_own_date_and_campaign(client):
    campaign = make_campaign("01-KL/TW")
    plan = make_document("185-KH/ĐU", issued_on=datetime.date(2021, 8, 20), campaign=campaign)
    make_document("47-KH/ĐU", issued_on=datetime.date(2017, 3, 10))
    notice = make_document("15-TB/ĐU", kind=Document.Kind.NOTICE, issued_on=datetime.date(2024, 12, 20))
    since_2020 = client.get("/api/documents/", {"since": "2020-01-01"}).json()["items"]
    assert {d["slug"] for d in since_2020} == {plan.slug, notice.slug}
    assert [d["slug"] for d in client.get("/api/documents/", {"campaign": campaign.slug}).json()["items"]] == [
        plan.slug
    ]
    assert [d["slug"] for d in client.get("/api/documents/", {"kind": "thong-bao"}).json()["items"]] == [notice.slug]
    model = make_good_model(campaigns=[campaign], started_on=datetime.date(2022, 3, 1))
    make_good_model(started_on=datetime.date(2018, 1, 1))
    assert [m["slug"] for m in client.get("/api/good-models/", {"since": "2020-01-01"}).json()["items"]] == [model.slug]
    award = make_award(good_model=model, campaign=campaign, decided_on=datetime.date(2023, 5, 19))
    make_award(good_model=model, decided_on=datetime.date(2019, 5, 19))
    assert [a["id"] for a in client.get("/api/awards/", {"campaign": campaign.slug}).json()["items"]] == [award.pk]
    assert client.get("/api/documents/", {"status": "khong-co"}).status_code == 400


def test_an_unchanged_answer_is_a_304_by_its_etag(client):
    article = make_article()
    first = client.get("/api/articles/")
    etag = first["ETag"]
    assert etag
    again = client.get("/api/articles/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    article.title = "Tiêu đề đã sửa"
    article.save()
    changed = client.get("/api/articles/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_head_is_get_without_the_body(client):
    article = make_article()
    response = client.head(f"/api/articles/{article.slug}/")
    assert response.status_code == 200 and response["ETag"] and response.content == b""
    assert client.head("/api/articles/khong-co/").status_code == 404


def test_the_rate_limit_answers_429_in_vietnamese_per_address(client, settings):
    settings.API_RATE_LIMIT = 3
    for _ in range(3):
        assert client.get("/api/campaigns/").status_code == 200
    refused = client.get("/api/campaigns/")
    assert refused.status_code == 429
    assert "quá nhiều yêu cầu" in refused.json()["detail"]
    assert 1 <= int(refused["Retry-After"]) <= settings.API_RATE_WINDOW + 1
    assert client.get("/api/campaigns/", REMOTE_ADDR="192.0.2.7").status_code == 200  # another address


def test_the_rate_limit_reads_the_portal_client_address(client, settings):
    """Behind a trusted proxy the client is the address it forwards, so a forged header spends its own budget."""
    settings.API_RATE_LIMIT = 1
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client.get("/api/campaigns/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert client.get("/api/campaigns/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert client.get("/api/campaigns/", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


def test_the_openapi_document_is_valid_and_lists_every_kind(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    validate(document)  # raises on a structural error
    assert document["openapi"].startswith("3.")
    for path in ("articles", "categories", "campaigns", "themes", "documents", "good-models", "exemplars", "awards"):
        assert f"/api/{path}/" in document["paths"]
    methods = {method for operations in document["paths"].values() for method in operations}
    assert methods == {"get"}


def test_lists_cost_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    campaign = make_campaign()
    for n in range(15):
        make_article(f"Bài {n}", campaigns=[campaign])
        make_good_model(campaigns=[campaign])
    with django_assert_max_num_queries(3):
        assert client.get("/api/articles/").status_code == 200
    with django_assert_max_num_queries(3):
        assert client.get("/api/good-models/").status_code == 200
    article = make_article(campaigns=[campaign])
    with django_assert_max_num_queries(9):
        assert client.get(f"/api/articles/{article.slug}/").status_code == 200
