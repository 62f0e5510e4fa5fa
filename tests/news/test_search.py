"""Search: diacritic-free queries find accented text, exact diacritics rank first, odd queries get a calm answer.

Everything here runs on SQLite and on PostgreSQL (the suite runs twice); ``PostgresSearchTests`` covers what only
PostgreSQL has (the trigger-kept search vector, typo matches) and skips elsewhere.
"""

import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from news.search import MAX_QUERY_LENGTH, clean_query, fts_match, highlight, parse_query, search_columns
from tests.factories import make_article, make_campaign, make_category, make_theme

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("news:search")


def titles(queryset):
    return [article.title for article in queryset]


def ago(**kwargs):
    return timezone.now() - datetime.timedelta(**kwargs)


class QueryParsingTests:
    def test_query_is_normalised_stripped_of_control_characters_and_capped(self):
        assert clean_query("  hoc\x00tap \u202e lam\u200b  theo\n\tbac ") == "hoc tap lam theo bac"
        # "o" + combining acute becomes the single character "ó"
        assert clean_query("ho\u0301c") == "hóc"
        assert len(clean_query("a" * 5000)) == MAX_QUERY_LENGTH

    def test_words_phrases_exclusions_and_or(self):
        parsed = parse_query('"học tập" Bác -tiêu cực or tham nhũng')
        assert [[(t.words, t.negated) for t in group] for group in parsed.groups] == [
            [(("học", "tập"), False), (("bác",), False), (("tiêu",), True), (("cực",), False)],
            [(("tham",), False), (("nhũng",), False)],
        ]
        assert parsed.highlight_words == {"hoc", "tap", "bac", "cuc", "tham", "nhung"}

    def test_the_fts5_query_says_the_same(self):
        assert fts_match(parse_query('"Học tập" Bác -"kế hoạch" or Đảng ủy')) == (
            '{title_folded rest_folded} : ((("hoc tap" AND "bac") NOT "ke hoach") OR ("dang" AND "uy"))'
        )
        assert fts_match(parse_query("hoc or -tap")) is None  # a group of exclusions only: the LIKE scan answers

    @pytest.mark.parametrize("raw", ["", "   ", "!!!???", "😀🇻🇳", "\u0301\u0301", "-", "\x00", "%_\\"])
    def test_a_query_without_words_is_empty(self, raw):
        assert not parse_query(raw)

    def test_search_columns_fold_text_and_keep_title_lead_before_the_body(self):
        folded, exact = search_columns("Đảng ủy Sở", "Học tập, làm theo Bác.", "<p>Nội&nbsp;dung <b>chính</b></p>")
        assert folded == " dang uy so | hoc tap lam theo bac | noi dung chinh "
        assert exact == " đảng ủy sở | học tập làm theo bác "

    def test_highlight_escapes_and_marks_folded_matches(self):
        html = highlight("Đảng ủy <b>học</b> tập", {"dang", "hoc"})
        assert html == "<mark>Đảng</mark> ủy &lt;b&gt;<mark>học</mark>&lt;/b&gt; tập"


@pytest.fixture(params=["index", "scan"])
def engine(request, monkeypatch):
    """On SQLite, each test runs with the FTS5 index and again with the LIKE scan it falls back to."""
    if request.param == "scan":
        if connection.vendor != "sqlite":
            pytest.skip("the LIKE scan is SQLite's fallback; PostgreSQL always uses its full-text index")
        monkeypatch.setattr("news.search.fts_available", lambda alias: False)
    elif connection.vendor == "sqlite":
        from news.search import fts_available

        assert fts_available(connection.alias), "migration 0005 should have made the FTS5 table"
    return request.param


@pytest.mark.usefixtures("engine")
class AccentInsensitiveSearchTests:
    def test_a_query_without_diacritics_finds_accented_text(self):
        wanted = make_article("Học tập và làm theo Bác trong từng việc làm", lead="Tin chi bộ.")
        other = make_article("Hội thi tìm hiểu pháp luật", lead="Tin khác.")
        assert list(Article.objects.search("hoc tap lam theo bac")) == [wanted]
        assert other not in Article.objects.search("hoc tap")

    def test_dang_uy_finds_dang_uy_whatever_the_case_or_tone_placement(self):
        wanted = make_article("Đảng ủy Sở tổ chức hội nghị", lead="Hội nghị sơ kết.")
        old_style = make_article("Ban Thường vụ Đảng uỷ họp", lead="Cuộc họp thường kỳ.")  # "uỷ", older tone mark
        for query in ("dang uy", "Đảng ủy", "ĐẢNG ỦY", "đảng uỷ"):
            assert set(Article.objects.search(query)) == {wanted, old_style}, query

    def test_body_text_is_searched_but_not_html_tags(self):
        body = "<p>Mô hình <strong>Nụ cười tiếp dân</strong></p>"
        wanted = make_article("Tin hoạt động", lead="Tin ngắn.", body=body)
        make_article("Tin khác", lead="Tin ngắn.", body="<p>Không liên quan</p>")
        assert list(Article.objects.search("nu cuoi tiep dan")) == [wanted]
        assert list(Article.objects.search("strong")) == []

    def test_exact_diacritics_rank_first(self):
        exact = make_article("Đảng bộ Sở sơ kết năm", lead="Tin Đảng bộ.", published_at=ago(days=30))
        folded_only = make_article("Công trình đang thi công", lead="Tin công trình.", published_at=ago(days=1))
        assert list(Article.objects.search("Đảng")) == [exact, folded_only]
        assert list(Article.objects.search("đang")) == [folded_only, exact]
        assert set(Article.objects.search("dang")) == {exact, folded_only}

    def test_phrases_exclusions_and_or(self):
        phrase = make_article("Học tập và làm theo Bác", lead="Tin một.")
        words_apart = make_article("Làm theo kế hoạch, học tập chuyên đề", lead="Tin hai.")
        other = make_article("Phong trào thi đua yêu nước", lead="Tin ba.")
        assert set(Article.objects.search("hoc tap lam theo")) == {phrase, words_apart}
        assert list(Article.objects.search('"hoc tap va lam theo"')) == [phrase]
        assert list(Article.objects.search('hoc tap -"ke hoach"')) == [phrase]
        assert list(Article.objects.search("hoc tap -hoach")) == [phrase]
        assert set(Article.objects.search('bac or "thi dua"')) == {phrase, other}
        assert set(Article.objects.search("bac or thi dua")) == {phrase, other}  # bac | (thi & dua)

    def test_unpublished_and_scheduled_articles_are_never_found(self):
        make_article("Học tập bí mật", status=Article.Status.DRAFT)
        make_article("Học tập hẹn giờ", published_at=timezone.now() + datetime.timedelta(days=1))
        assert list(Article.objects.search("hoc tap")) == []

    def test_deleted_articles_leave_the_index(self):
        article = make_article("Gương điển hình tiên tiến", lead="Sapo.")
        article.delete()
        make_article("Gương điển hình khác", lead="Sapo.")
        assert titles(Article.objects.search("guong dien hinh tien tien")) == []

    def test_the_migration_fills_the_columns_of_existing_articles(self):
        from importlib import import_module

        from django.apps import apps

        migration = import_module("news.migrations.0005_search_columns_related_articles")
        article = make_article("Dân vận khéo", lead="Phong trào thi đua.")
        Article.objects.filter(pk=article.pk).update(search_folded="", search_document="")
        migration.fill_search_columns(apps, None)
        stored = Article.objects.values_list("search_folded", "search_document").get(pk=article.pk)
        assert stored == search_columns(article.title, article.lead, article.body)
        assert titles(Article.objects.search("dan van kheo")) == ["Dân vận khéo"]

    def test_search_columns_follow_an_edit(self):
        article = make_article("Tiêu đề cũ", lead="Sapo.")
        article.title = "Gương điển hình tiên tiến"
        article.save()
        assert list(Article.objects.search("guong dien hinh")) == [article]
        assert list(Article.objects.search("tieu de cu")) == []


@pytest.mark.postgres("full-text search with unaccent and pg_trgm (SQLite uses the folded column)")
class PostgresSearchTests:
    def test_the_trigger_keeps_the_search_vector_current_even_for_bulk_writes(self):
        article = make_article("Tiêu đề cũ", lead="Sapo.")
        Article.objects.filter(pk=article.pk).update(title="Dân vận khéo")
        vector = Article.objects.values_list("search_vector", flat=True).get(pk=article.pk)
        assert "'dan':1A" in vector and "'khe':3A" not in vector and "'kheo':3A" in vector

    def test_title_matches_rank_above_body_matches(self):
        in_body = make_article("Tin tuần", lead="Tin ngắn.", body="<p>Vạn tấm lòng vàng</p>", published_at=ago(hours=1))
        in_title = make_article("Vạn tấm lòng vàng", lead="Tin ngắn.", published_at=ago(days=9))
        assert list(Article.objects.search("van tam long vang")) == [in_title, in_body]

    def test_a_typo_finds_close_titles(self, client):
        wanted = make_article("Học tập và làm theo Bác", lead="Tin một.")
        make_article("Phong trào thi đua yêu nước", lead="Tin hai.")
        assert list(Article.objects.search("hoc tapp lam theoo bac")) == []
        assert list(Article.objects.search_similar("hoc tapp lam theoo bac")) == [wanted]
        html = client.get(SEARCH_URL, {"q": "hoc tapp lam theoo bac"}).content.decode()
        assert "tiêu đề gần giống" in html and wanted.get_absolute_url() in html

    def test_the_indexes_exist(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'news_article'")
            names = {row[0] for row in cursor.fetchall()}
        assert {"article_search_vector_idx", "article_title_trgm_idx"} <= names


class SearchPageTests:
    def test_every_page_has_a_search_box(self, client):
        article = make_article()
        for url in (reverse("home"), article.get_absolute_url(), reverse("news:latest")):
            html = client.get(url).content.decode()
            assert f'action="{SEARCH_URL}"' in html and 'name="q"' in html

    def test_results_are_counted_and_marked(self, client):
        make_article("Đảng ủy Sở học tập và làm theo Bác", lead="Sáng nay, Đảng ủy Sở họp.")
        make_article("Hội thi tìm hiểu pháp luật", lead="Tin khác.")
        response = client.get(SEARCH_URL, {"q": "dang uy"})
        html = response.content.decode()
        assert response.status_code == 200
        assert "Tìm thấy 1 bài viết" in html
        assert "<mark>Đảng</mark> <mark>ủy</mark> Sở học tập" in html
        assert "Sáng nay, <mark>Đảng</mark> <mark>ủy</mark> Sở họp." in html
        assert [a.title for a in response.context["articles"]] == ["Đảng ủy Sở học tập và làm theo Bác"]

    def test_markup_in_a_title_is_escaped_in_results(self, client):
        make_article("Học tập <script>alert(1)</script>", lead="Tin <b>đậm</b>.")
        html = client.get(SEARCH_URL, {"q": "hoc tap"}).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html

    def test_pagination_keeps_the_query(self, client):
        for n in range(15):
            make_article(f"Gương sáng số {n}", lead="Tin gương sáng.")
        first = client.get(SEARCH_URL, {"q": "guong sang"}).content.decode()
        assert "Tìm thấy 15 bài viết" in first and "?q=guong+sang&amp;page=2" in first
        second = client.get(SEARCH_URL, {"q": "guong sang", "page": 2})
        assert second.status_code == 200
        assert len(second.context["articles"]) == 3
        assert client.get(SEARCH_URL, {"q": "guong sang", "page": 99}).status_code == 404

    def test_filters_narrow_the_results(self, client):
        category = make_category("Gương điển hình")
        campaign = make_campaign(code="05-CT/TW")
        theme = make_theme(campaign, year=2019)
        in_category = make_article("Học tập gương Bác 1", category=category)
        in_campaign = make_article("Học tập gương Bác 2", category=make_category("Khác"), campaigns=[campaign])
        in_theme = make_article("Học tập gương Bác 3", category=make_category("Khác nữa"), themes=[theme])
        old = make_article("Học tập gương Bác 4", category=make_category("Cũ"), published_at=ago(days=800))

        def found(**filters):
            return set(client.get(SEARCH_URL, {"q": "hoc tap", **filters}).context["articles"])

        assert found() == {in_category, in_campaign, in_theme, old}
        assert found(category=category.slug) == {in_category}
        assert found(campaign=campaign.slug) == {in_campaign}
        assert found(theme=theme.pk) == {in_theme}
        assert found(year=old.published_at.year) == {old} | (
            {in_category, in_campaign, in_theme} if old.published_at.year == timezone.now().year else set()
        )

    def test_a_bad_filter_is_a_form_error_not_a_crash(self, client):
        make_article("Học tập và làm theo Bác")
        response = client.get(SEARCH_URL, {"q": "hoc tap", "category": "khong-co", "theme": "abc", "year": "x"})
        assert response.status_code == 200
        assert response.context["form"].errors.keys() == {"category", "theme", "year"}
        assert len(response.context["articles"]) == 1  # the query still answers, without the bad filters

    @pytest.mark.parametrize(
        "query",
        [
            "",
            "   ",
            "!!!???...",
            "a" * 5000,
            "hoc\x00tap",
            "\x00",
            "\u202e\u200fمرحبا\u200f",
            "שלום עולם",
            "😀🇻🇳",
            "\u0301\u0301\u0301",
            "ho\u0301c ta\u0323\u0302p",
            "' OR 1=1 --",
            '"unclosed phrase',
            "- or -",
            "<script>alert(1)</script>",
            "%_%\\",
            "hoc:* & !tap | (",
        ],
    )
    def test_odd_queries_get_a_calm_answer(self, client, query):
        make_article("Học tập và làm theo Bác")
        response = client.get(SEARCH_URL, {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        assert "<script>alert(1)</script>" not in html
        assert len(response.context["form"].query) <= MAX_QUERY_LENGTH

    def test_a_query_string_that_is_not_utf8_gets_a_calm_answer(self, client):
        response = client.get(f"{SEARCH_URL}?q=%ED%A0%80%FF%00hoc")
        assert response.status_code == 200

    def test_combining_marks_find_the_precomposed_text(self, client):
        wanted = make_article("Học tập và làm theo Bác")
        response = client.get(SEARCH_URL, {"q": "ho\u0323c ta\u0323\u0302p"})
        assert list(response.context["articles"]) == [wanted]

    def test_an_empty_query_asks_for_words(self, client):
        html = client.get(SEARCH_URL, {"q": "  !!  "}).content.decode()
        assert "Hãy nhập ít nhất một từ" in html

    @pytest.mark.parametrize("n_articles", [3, 30])
    def test_search_page_query_count_is_bounded(self, client, n_articles, django_assert_max_num_queries):
        category = make_category()
        campaign = make_campaign()
        for n in range(n_articles):
            make_article(f"Học tập và làm theo Bác {n}", category=category, tags=["a", "b"], campaigns=[campaign])
        client.get(SEARCH_URL, {"q": "hoc tap"})
        with django_assert_max_num_queries(12):
            response = client.get(SEARCH_URL, {"q": "hoc tap", "campaign": campaign.slug})
        assert response.status_code == 200
        assert len(response.context["articles"]) == min(n_articles, 12)


@pytest.mark.django_db
def test_long_theme_names_in_the_filter_end_with_an_ellipsis():
    from news.forms import SearchForm

    theme = make_theme(year=2024, title="Học tập và làm theo " * 10)
    label = {value: text for value, text in SearchForm().fields["theme"].choices if value}[theme.pk]
    assert label.endswith("…") and len(label) < 100
