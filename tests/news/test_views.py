import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.factories import make_article, make_campaign, make_category, make_theme
from tests.sitemaps import all_sitemaps

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    campaign = make_campaign(code="05-CT/TW")
    theme = make_theme(campaign, year=2019)
    return make_article(
        "Đảng ủy Sở sơ kết 3 năm thực hiện Chỉ thị 05",
        campaigns=[campaign],
        themes=[theme],
        tags=["Chỉ thị 05", "nêu gương"],
        source="Theo Báo Long An",
        view_count=1940,
        published_at=datetime.datetime(2019, 5, 14, 14, 56, tzinfo=datetime.UTC),
    )


class ArticleDetailTests:
    def test_shows_the_article_as_the_old_portals_did(self, client, article):
        make_article("Một tin khác vừa đăng")
        response = client.get(article.get_absolute_url())
        assert response.status_code == 200
        html = response.content.decode()
        assert "Đảng ủy Sở sơ kết 3 năm thực hiện Chỉ thị 05" in html
        assert "Thứ ba, 14/05/2019 - 21:56" in html  # 14:56 UTC is 21:56 in Hanoi time
        assert "Lượt xem: <span data-view-count>1.941</span>" in html  # the stored count including this view
        assert "Theo Báo Long An" in html
        assert "T. Hùng" in html
        assert 'href="/the/chi-thi-05/"' in html
        assert 'href="/phong-trao/05-ct-tw/"' in html
        assert article.themes.get().get_absolute_url() in html
        assert "Tin mới nhất" in html
        assert "Một tin khác vừa đăng" in html

    def test_an_open_is_counted_in_the_database_once_per_visitor_and_window(self, client, article):
        client.get(article.get_absolute_url())
        client.get(article.get_absolute_url())
        article.refresh_from_db()
        assert article.view_count == 1941  # the rules: tests/viewcounts/test_view_counting.py

    def test_related_and_latest_lists_carry_their_times(self, client, article):
        other = make_article(
            "Chi bộ Văn phòng học tập chuyên đề năm 2019",
            themes=list(article.themes.all()),
            published_at=datetime.datetime(2023, 8, 11, 7, 47, tzinfo=datetime.UTC),
        )
        html = client.get(article.get_absolute_url()).content.decode()
        assert "Tin liên quan" in html
        assert other.title in html
        assert "(11/08/2023 2:47 CH)" in html

    @pytest.mark.parametrize(
        "overrides",
        [
            {"status": Article.Status.DRAFT},
            {"published_at": timezone.now() + datetime.timedelta(days=1)},
        ],
        ids=["draft", "scheduled"],
    )
    def test_unpublished_articles_are_404_and_not_counted(self, client, overrides):
        hidden = make_article(view_count=5, **overrides)
        response = client.get(hidden.get_absolute_url())
        assert response.status_code == 404
        assert "Không tìm thấy trang" in response.content.decode()
        hidden.refresh_from_db()
        assert hidden.view_count == 5

    def test_unknown_slug_is_404(self, client):
        assert client.get("/bai-viet/khong-co-bai-nay/").status_code == 404

    def test_query_count_does_not_grow_with_tags_related_or_latest(
        self, client, article, django_assert_max_num_queries
    ):
        theme = article.themes.get()
        for n in range(15):
            make_article(themes=[theme], tags=[f"thẻ {n}", "nêu gương"], campaigns=list(article.campaigns.all()))
        article.tags.add(*[f"thẻ {n}" for n in range(10)])
        client.get(article.get_absolute_url())  # warm the menu cache
        with django_assert_max_num_queries(12):
            response = client.get(article.get_absolute_url())
        assert response.status_code == 200


class ListPageTests:
    def test_category_page_lists_its_articles_with_pagination(self, client):
        category = make_category("Gương điển hình")
        for n in range(14):
            make_article(f"Gương sáng số {n}", category=category)
        make_article("Tin chuyên mục khác", category=make_category("Khác"))
        first = client.get(category.get_absolute_url())
        assert first.status_code == 200
        html = first.content.decode()
        assert "Gương sáng số 0" in html
        assert [a.title for a in first.context["articles"]][:2] == ["Gương sáng số 0", "Gương sáng số 1"]
        assert all(a.category == category for a in first.context["articles"])
        assert "Trang 1 / 2" in html
        second = client.get(category.get_absolute_url() + "?page=2")
        assert "Gương sáng số 13" in second.content.decode()

    @pytest.mark.parametrize("page", ["99", "abc", "-1"])
    def test_bad_page_numbers_are_404(self, client, page):
        category = make_category()
        make_article(category=category)
        assert client.get(category.get_absolute_url(), {"page": page}).status_code == 404

    def test_tag_page(self, client):
        tagged = make_article("Bài có thẻ", tags=["Dân vận khéo"])
        make_article("Bài không có thẻ")
        response = client.get(reverse("news:tag", kwargs={"slug": "dan-van-kheo"}))
        assert response.status_code == 200
        assert "Từ khóa: Dân vận khéo" in response.content.decode()
        assert list(response.context["articles"]) == [tagged]

    def test_unknown_category_and_tag_are_404(self, client):
        assert client.get("/chuyen-muc/khong-co/").status_code == 404
        assert client.get("/the/khong-co/").status_code == 404

    def test_drafts_never_appear_in_lists(self, client):
        category = make_category()
        make_article("Bài nháp bí mật", category=category, status=Article.Status.DRAFT)
        for url in (category.get_absolute_url(), reverse("news:latest"), reverse("home")):
            assert "Bài nháp bí mật" not in client.get(url).content.decode()

    @pytest.mark.parametrize("n_articles", [3, 30])
    def test_list_query_count_is_bounded(self, client, n_articles, django_assert_max_num_queries):
        category = make_category()
        for _ in range(n_articles):
            make_article(category=category, tags=["a", "b"])
        client.get(category.get_absolute_url())
        with django_assert_max_num_queries(8):
            assert client.get(category.get_absolute_url()).status_code == 200
        with django_assert_max_num_queries(8):
            assert client.get(reverse("news:latest")).status_code == 200


class SitemapTests:
    def test_sitemap_lists_every_public_page_with_last_modified(self, client, article):
        draft = make_article("Bản nháp", status=Article.Status.DRAFT)
        xml = all_sitemaps(client)
        assert article.get_absolute_url() in xml
        assert draft.get_absolute_url() not in xml
        assert article.category.get_absolute_url() in xml
        assert "/the/chi-thi-05/" in xml
        assert "/phong-trao/05-ct-tw/" in xml
        assert article.themes.get().get_absolute_url() in xml
        assert "<lastmod>" in xml
