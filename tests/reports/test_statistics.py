"""The admin's statistics page: charts of views per day, for the site, one article, one campaign."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.viewcounts.models import ArticleDailyViews
from portal.visitors.models import SiteVisitDay
from tests.factories import make_article, make_campaign

pytestmark = pytest.mark.django_db

URL = reverse("reports:statistics")


@pytest.fixture
def figures():
    today = timezone.localdate()
    campaign = make_campaign(code="05-CT/TW")
    articles = [make_article(f"Bài số {n} về học tập và làm theo Bác", campaigns=[campaign]) for n in range(3)]
    outside = make_article("Bài không thuộc chương trình")
    for n, article in enumerate([*articles, outside]):
        for days_ago in range(40):
            ArticleDailyViews.objects.create(
                article=article, day=today - datetime.timedelta(days=days_ago), views=n + 1
            )
    SiteVisitDay.objects.create(day=today, visits=321)
    return campaign, articles, outside


def test_only_staff_may_see_it(client, django_user_model):
    assert client.get(URL).status_code == 302
    client.force_login(django_user_model.objects.create_user("bandoc", password="mat-khau-ban-doc"))
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_the_admin_index_links_to_it(client, editor):
    client.force_login(editor)
    assert URL in client.get(reverse("admin:index")).content.decode()


def test_site_wide_charts_and_top_articles(client, editor, figures):
    _, _, outside = figures
    client.force_login(editor)
    html = client.get(URL, {"period": "7"}).content.decode()
    assert html.count('class="chart"') == 3  # views per day, visits per day, top articles
    assert "Lượt xem bài viết mỗi ngày, toàn trang" in html
    assert "Lượt truy cập mỗi ngày" in html
    assert "70 lượt xem bài viết" in html  # (1 + 2 + 3 + 4) × 7 days
    top = html[html.index("Bài xem nhiều nhất trong khoảng này") :]
    assert top.index(outside.title) < top.index("Bài số 0")


def test_one_article(client, editor, figures):
    _, articles, _ = figures
    client.force_login(editor)
    html = client.get(URL, {"period": "30", "article": articles[2].pk}).content.decode()
    assert f"Lượt xem mỗi ngày: {articles[2].title}" in html
    assert "90 lượt xem trong khoảng này" in html


def test_one_campaign_with_all_its_articles(client, editor, figures):
    campaign, articles, outside = figures
    client.force_login(editor)
    html = client.get(URL, {"period": "30", "campaign": campaign.pk}).content.decode()
    assert "180 lượt xem các bài viết của chương trình" in html  # (1 + 2 + 3) × 30 days
    section = html[html.index(campaign.name) : html.index("Lượt xem bài viết mỗi ngày, toàn trang")]
    assert "Các bài viết của chương trình" in section
    assert all(a.title in section for a in articles)
    assert outside.title not in section


@pytest.mark.parametrize("query", [{"period": "9999"}, {"article": "999999"}, {"campaign": "abc"}, {"article": "x"}])
def test_bad_input_is_a_form_error_not_a_crash(client, editor, query):
    client.force_login(editor)
    response = client.get(URL, query)
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()


def test_queries_are_bounded(client, editor, figures, django_assert_max_num_queries):
    campaign, articles, _ = figures
    client.force_login(editor)
    # A fixed number whatever the period or the number of articles: two of the charts' data, its articles,
    # the form's campaign list, the user and the site's menu and slogans (cached elsewhere, cold here), the
    # notification bell's unread count, and the readers' ratings (the site's summary and the list per page).
    with django_assert_max_num_queries(20):
        response = client.get(URL, {"period": "365", "campaign": campaign.pk, "article": articles[0].pk})
    assert response.status_code == 200


def test_a_writer_cannot_chart_another_writers_draft(client, writer, editor):
    """The article's title would show in the chart's heading: another writer's draft is no article for them."""
    from news.models import Article

    draft = make_article("Bản nháp bí mật của biên tập", status=Article.Status.DRAFT, created_by=editor)
    own = make_article("Bản nháp của tôi", status=Article.Status.DRAFT, created_by=writer)
    client.force_login(writer)
    html = client.get(URL, {"article": draft.pk}).content.decode()
    assert "Bản nháp bí mật" not in html
    assert "Không có bài viết này." in html
    assert "Lượt xem mỗi ngày: Bản nháp của tôi" in client.get(URL, {"article": own.pk}).content.decode()
    client.force_login(editor)
    assert "Lượt xem mỗi ngày: Bản nháp bí mật" in client.get(URL, {"article": draft.pk}).content.decode()


def test_a_writer_does_not_see_a_withdrawn_article_of_another_in_the_top_list(client, writer, editor, figures):
    from news.models import Article

    _, articles, _ = figures
    Article.objects.filter(pk=articles[2].pk).update(status=Article.Status.WITHDRAWN)
    client.force_login(writer)
    assert articles[2].title not in client.get(URL).content.decode()
    client.force_login(editor)
    assert articles[2].title in client.get(URL).content.decode()
