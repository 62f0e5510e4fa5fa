import datetime

import pytest
from django.urls import reverse

from news.models import Article, Tag
from tests.factories import EMPTY_ARTICLE_INLINES, make_article, make_campaign, make_category, make_theme

pytestmark = pytest.mark.django_db


def article_form_data(**overrides):
    data = {
        "title": "Chi bộ Văn phòng sinh hoạt chuyên đề năm 2024",
        "slug": "",
        "lead": "Chi bộ Văn phòng Sở tổ chức sinh hoạt chuyên đề học tập và làm theo Bác.",
        "body": "<p>Nội dung <strong>đậm</strong></p><script>alert(1)</script>",
        "cover_caption": "",
        "category": make_category("Hoạt động Đảng bộ").pk,
        "new_tags": "",
        "author_name": "Minh Thư",
        "source": "",
        "published_at_0": "",
        "published_at_1": "",
        "_publish": "Lưu và đăng bài",
        **EMPTY_ARTICLE_INLINES,
    }
    data.update(overrides)
    return data


class EditorArticleFormTests:
    def test_editor_opens_the_add_form_with_the_rich_text_editor(self, client, editor):
        client.force_login(editor)
        response = client.get(reverse("admin:news_article_add"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "django_ckeditor_5" in html
        assert "admin-autocomplete" in html  # tags, campaigns and themes are searched, not listed

    def test_editor_publishes_with_tags_campaigns_and_themes(self, client, editor):
        client.force_login(editor)
        campaign = make_campaign(code="01-KL/TW")
        theme = make_theme(campaign, year=2024)
        existing = Tag.objects.create(name="nêu gương")
        data = article_form_data(
            tags=[existing.pk], new_tags="Đảng bộ Sở, chi bộ", campaigns=[campaign.pk], themes=[theme.pk]
        )
        response = client.post(reverse("admin:news_article_add"), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        article = Article.objects.get()
        assert article.slug == "chi-bo-van-phong-sinh-hoat-chuyen-de-nam-2024"
        assert sorted(article.tags.names()) == ["chi bộ", "nêu gương", "Đảng bộ Sở"]
        assert list(article.campaigns.all()) == [campaign]
        assert list(article.themes.all()) == [theme]
        assert article.created_by == editor
        assert article.published_at is not None
        assert "<script>" not in article.body
        assert client.get(article.get_absolute_url()).status_code == 200

    def test_a_future_time_schedules_the_article(self, client, editor):
        client.force_login(editor)
        data = article_form_data(published_at_0="01/01/2099", published_at_1="08:00:00")
        response = client.post(reverse("admin:news_article_add"), data)
        assert response.status_code == 302, response.context["adminform"].form.errors
        article = Article.objects.get()
        assert article.published_at.year == 2099
        assert client.get(article.get_absolute_url()).status_code == 404

    def test_missing_fields_give_vietnamese_errors_and_save_nothing(self, client, editor):
        client.force_login(editor)
        response = client.post(reverse("admin:news_article_add"), article_form_data(title="", category=""))
        assert response.status_code == 200
        assert "Trường này là bắt buộc." in response.content.decode()
        assert Article.objects.count() == 0

    def test_overlong_new_tag_is_refused(self, client, editor):
        client.force_login(editor)
        response = client.post(reverse("admin:news_article_add"), article_form_data(new_tags="x" * 101))
        assert response.status_code == 200
        assert "Mỗi thẻ dài tối đa 100 ký tự." in response.content.decode()
        assert Article.objects.count() == 0

    @pytest.mark.parametrize(
        ("field", "term", "expected"),
        [
            ("campaigns", "05", "Chỉ thị 05-CT/TW"),
            ("tags", "gươ", "nêu gương"),
            ("category", "Hoạt", "Hoạt động Đảng bộ"),
        ],
    )
    def test_autocomplete_finds_campaigns_and_tags(self, client, editor, field, term, expected):
        make_campaign(code="05-CT/TW")
        Tag.objects.create(name="nêu gương")
        make_category("Hoạt động Đảng bộ")
        client.force_login(editor)
        response = client.get(
            reverse("admin:autocomplete"),
            {"app_label": "news", "model_name": "article", "field_name": field, "term": term},
        )
        assert response.status_code == 200
        assert expected in [item["text"] for item in response.json()["results"]]


class ArticleChangeListTests:
    @pytest.mark.parametrize(
        "query",
        [
            {"status__exact": "draft"},
            {"q": "Đảng ủy"},
            {"published_at__year": "2024"},
            {"category__id__exact": "1"},
            {"campaigns__id__exact": "1"},
            {"themes__id__exact": "1"},
        ],
    )
    def test_list_filters_and_search(self, client, editor, query):
        client.force_login(editor)
        make_article("Đảng ủy Sở họp", published_at=datetime.datetime(2024, 3, 2, tzinfo=datetime.UTC))
        assert client.get(reverse("admin:news_article_changelist"), query).status_code == 200

    def test_list_search_finds_by_title(self, client, editor):
        client.force_login(editor)
        make_article("Đảng ủy Sở họp")
        make_article("Tin khác")
        response = client.get(reverse("admin:news_article_changelist"), {"q": "Sở họp"})
        assert [a.title for a in response.context["cl"].result_list] == ["Đảng ủy Sở họp"]

    @pytest.mark.parametrize("n", [3, 30])
    def test_changelist_query_count_is_bounded(self, client, editor, n, django_assert_max_num_queries):
        client.force_login(editor)
        for _ in range(n):
            make_article(tags=["x"])
        with django_assert_max_num_queries(20):
            assert client.get(reverse("admin:news_article_changelist")).status_code == 200
