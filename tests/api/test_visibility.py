"""Nothing a reader may not see leaves through the API: per kind, in lists, in details and nested in other records.

The API reuses the pages' rules (``Article.objects.published()``, ``Award.objects.public()``); these tests hold it
to them, kind by kind.
"""

import datetime

import pytest
from django.utils import timezone

from campaigns.models import Award
from news.models import Article
from tests.factories import (
    make_article,
    make_award,
    make_campaign,
    make_category,
    make_document,
    make_exemplar,
    make_good_model,
    make_theme,
    make_unit,
)

pytestmark = pytest.mark.django_db

HIDDEN_STATUSES = [Article.Status.DRAFT, Article.Status.IN_REVIEW, Article.Status.RETURNED, Article.Status.WITHDRAWN]


def listed(client, url, key="slug", **query) -> list:
    response = client.get(url, {"page_size": 100, **query})
    assert response.status_code == 200, response.content
    return [item[key] for item in response.json()["items"]]


def revoke(award: Award) -> Award:
    award.status, award.revoked_by_number, award.revoked_on = (
        Award.Status.REVOKED,
        "9/QĐ-UBND",
        datetime.date(2024, 1, 2),
    )
    award.save()
    return award


@pytest.fixture
def articles():
    category = make_category("Tin hoạt động")
    hidden = {
        status: make_article(f"Bài {status}", category=category, status=status, published_at=timezone.now())
        for status in HIDDEN_STATUSES
    }
    hidden["scheduled"] = make_article(
        "Bài hẹn giờ", category=category, published_at=timezone.now() + datetime.timedelta(hours=2)
    )
    public = make_article("Bài đã đăng", category=category)
    return public, hidden


def test_only_published_articles_are_listed(client, articles):
    public, _hidden = articles
    assert listed(client, "/api/articles/") == [public.slug]
    category = public.category
    assert listed(client, "/api/articles/", category=category.slug) == [public.slug]


@pytest.mark.parametrize("state", [*HIDDEN_STATUSES, "scheduled"])
def test_an_unpublished_article_has_no_detail(client, articles, state):
    _public, hidden = articles
    response = client.get(f"/api/articles/{hidden[state].slug}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy dữ liệu này."}


def test_a_scheduled_article_appears_when_its_time_comes(client, articles, time_machine):
    _public, hidden = articles
    time_machine.move_to(timezone.now() + datetime.timedelta(hours=3))
    assert client.get(f"/api/articles/{hidden['scheduled'].slug}/").status_code == 200


def test_a_withdrawn_article_leaves_at_once(client, articles):
    public, _hidden = articles
    assert client.get(f"/api/articles/{public.slug}/").status_code == 200
    Article.objects.filter(pk=public.pk).update(status=Article.Status.WITHDRAWN)
    assert client.get(f"/api/articles/{public.slug}/").status_code == 404
    assert listed(client, "/api/articles/") == []


def test_an_article_says_nothing_of_its_workflow(client, articles):
    public, _hidden = articles
    item = client.get(f"/api/articles/{public.slug}/").json()
    for private in ("status", "created_by", "legacy_key", "search_folded", "allow_comments", "id"):
        assert private not in item
    assert item["title"] == "Bài đã đăng" and item["body"] == "<p>Nội dung bài viết.</p>"


def test_revoked_awards_never_leave(client):
    model = make_good_model("Nụ cười tiếp dân")
    exemplar = make_exemplar("Nguyễn Văn A")
    kept = make_award(good_model=model, decision_number="1/QĐ-UBND")
    revoked = revoke(make_award(good_model=model, decision_number="2/QĐ-UBND"))
    revoked_too = revoke(make_award(exemplar=exemplar, decision_number="3/QĐ-UBND"))
    article = make_article()
    article.awards.set([kept, revoked])

    assert listed(client, "/api/awards/", key="id") == [kept.pk]
    assert client.get(f"/api/awards/{revoked.pk}/").status_code == 404
    assert client.get(f"/api/awards/{kept.pk}/").status_code == 200
    assert [a["id"] for a in client.get(f"/api/good-models/{model.slug}/").json()["awards"]] == [kept.pk]
    assert client.get(f"/api/exemplars/{exemplar.slug}/").json()["awards"] == []
    assert client.get(f"/api/articles/{article.slug}/").json()["awards"] == [kept.pk]
    assert str(revoked_too.pk) not in str(listed(client, "/api/awards/", key="id"))


def test_records_without_private_state_are_all_listed(client):
    campaign = make_campaign("05-CT/TW")
    theme = make_theme(campaign=campaign, year=2019)
    document = make_document("185-KH/ĐU", campaign=campaign)
    model = make_good_model(campaigns=[campaign])
    exemplar = make_exemplar(campaigns=[campaign], unit=make_unit())
    assert listed(client, "/api/campaigns/") == [campaign.slug]
    assert listed(client, "/api/themes/") == [theme.slug]
    assert listed(client, "/api/documents/") == [document.slug]
    assert listed(client, "/api/good-models/") == [model.slug]
    assert listed(client, "/api/exemplars/") == [exemplar.slug]
    detail = client.get(f"/api/documents/{document.slug}/").json()
    assert "search_text" not in detail and "number_key" not in detail
    assert detail["number"] == "185-KH/ĐU" and detail["status_label"] == "Còn hiệu lực"


def test_nothing_can_be_written(client, articles):
    public, _hidden = articles
    for url in ("/api/articles/", f"/api/articles/{public.slug}/", "/api/awards/", "/api/openapi.json"):
        assert client.post(url, {"title": "x"}, content_type="application/json").status_code == 405
        assert client.put(url, {"title": "x"}, content_type="application/json").status_code == 405
        assert client.delete(url).status_code == 405
    assert Article.objects.count() == 6
