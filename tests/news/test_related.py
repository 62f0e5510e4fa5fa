"""Related news ("Tin liên quan"): the order an editor would pick, pinned articles first, cached until a change."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.models import Article, RelatedArticle
from news.models.articles import related_phrases
from news.related import bump_generation, compute_related, generation, related_articles
from tests.factories import make_article, make_campaign, make_theme

pytestmark = pytest.mark.django_db

UNRELATED_LEAD = "Tin ngắn."


def ago(days=0, minutes=0):
    return timezone.now() - datetime.timedelta(days=days, minutes=minutes)


def other(title, **kwargs):
    """An article whose title and lead share no phrase with the others unless told to."""
    kwargs.setdefault("lead", UNRELATED_LEAD)
    return make_article(title, **kwargs)


@pytest.fixture
def crafted():
    """One article and candidates that each win on exactly one criterion, dated to catch a wrong order."""
    campaign = make_campaign()
    theme = make_theme(campaign)
    article = other("Mô hình Nụ cười tiếp dân ở Văn phòng Sở", campaigns=[campaign], themes=[theme], tags=["a", "b"])
    return {
        "article": article,
        "theme_old": other("Hội nghị chuyên đề", themes=[theme], published_at=ago(days=40)),
        "theme_new_and_words": other("Nụ cười tiếp dân lan tỏa", themes=[theme], published_at=ago(days=50)),
        "theme_new": other("Sơ kết năm", themes=[theme], published_at=ago(days=20)),
        "campaign": other("Hội thi tìm hiểu", campaigns=[campaign], published_at=ago(days=1)),
        "two_tags": other("Chi bộ sinh hoạt", tags=["a", "b"], published_at=ago(days=60)),
        "one_tag_and_words": other("Gặp mặt", tags=["a"], lead="Nụ cười tiếp dân.", published_at=ago(days=70)),
        "one_tag": other("Trao giải", tags=["a"], published_at=ago(minutes=5)),
        "two_phrases": other("Tuyên dương", lead="Nụ cười tiếp dân ở Văn phòng.", published_at=ago(days=90)),
        "one_phrase": other("Văn phòng Sở khen thưởng", published_at=ago(days=2)),
        "phrase_in_body_only": other("Tin tuần", body="<p>Nụ cười tiếp dân</p>"),
        "unrelated": other("Thời tiết", tags=["c"]),
        "draft": other("Nháp", themes=[theme], status=Article.Status.DRAFT),
        "scheduled": other("Hẹn giờ", themes=[theme], published_at=timezone.now() + datetime.timedelta(hours=2)),
    }


class RankingTests:
    def test_phrases_are_pairs_of_title_words_without_common_pairs(self):
        assert related_phrases("Đảng ủy Sở học tập và làm theo Bác") == [
            "dang uy",
            "uy so",
            "so hoc",
            "hoc tap",
            "lam theo",
            "theo bac",
        ]
        assert related_phrases("Của các và") == []
        assert related_phrases("Chi bộ đang học tập") == ["chi bo", "hoc tap"]

    def test_theme_then_campaign_then_tags_then_title_words_then_newest(self, crafted):
        related = list(Article.objects.related_to(crafted["article"]))
        expected = [
            "theme_new_and_words",  # same theme, and shares title words: beats newer same-theme articles
            "theme_new",
            "theme_old",
            "campaign",
            "two_tags",
            "one_tag_and_words",
            "one_tag",
            "two_phrases",
            "one_phrase",
        ]
        assert related == [crafted[name] for name in expected]

    def test_never_itself_unpublished_scheduled_body_only_or_unrelated(self, crafted):
        related = set(Article.objects.related_to(crafted["article"]))
        for name in ("article", "draft", "scheduled", "phrase_in_body_only", "unrelated"):
            assert crafted[name] not in related, name

    def test_ranking_is_one_query(self, crafted, django_assert_num_queries):
        with django_assert_num_queries(1):
            list(Article.objects.related_to(crafted["article"])[:6])

    @pytest.mark.parametrize("limit", range(1, 12))
    def test_the_fast_path_gives_the_first_n_of_the_definition(self, crafted, limit):
        article = crafted["article"]
        assert compute_related(article, limit) == list(Article.objects.related_to(article)[:limit])

    def test_the_fast_path_breaks_a_tie_on_title_words(self):
        campaign = make_campaign()
        article = other("Mô hình Nụ cười tiếp dân", campaigns=[campaign])
        newer = [other(f"Tin {n}", campaigns=[campaign], published_at=ago(days=n)) for n in range(1, 4)]
        old_with_words = other("Nụ cười tiếp dân", campaigns=[campaign], published_at=ago(days=99))
        assert compute_related(article, 2) == [old_with_words, newer[0]]


class PinnedTests:
    def test_pinned_articles_come_first_in_the_editors_order(self, crafted):
        article = crafted["article"]
        RelatedArticle.objects.create(article=article, related=crafted["unrelated"], position=2)
        RelatedArticle.objects.create(article=article, related=crafted["one_phrase"], position=1)
        RelatedArticle.objects.create(article=article, related=crafted["draft"], position=0)  # not shown: a draft
        related = compute_related(article, limit=4)
        expected = ["one_phrase", "unrelated", "theme_new_and_words", "theme_new"]
        assert related == [crafted[name] for name in expected]

    def test_an_article_cannot_be_pinned_under_itself_or_twice(self, crafted):
        from django.db import IntegrityError, transaction

        article = crafted["article"]
        with pytest.raises(IntegrityError), transaction.atomic():
            RelatedArticle.objects.create(article=article, related=article)
        RelatedArticle.objects.create(article=article, related=crafted["one_tag"])
        with pytest.raises(IntegrityError), transaction.atomic():
            RelatedArticle.objects.create(article=article, related=crafted["one_tag"])

    def test_editor_pins_with_a_searchable_inline(self, client, editor, crafted):
        article = crafted["article"]
        client.force_login(editor)
        html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
        assert "related_links-TOTAL_FORMS" in html
        assert 'data-model-name="article"' in html and "admin-autocomplete" in html
        response = client.get(
            reverse("admin:autocomplete"),
            {"term": "khen thưởng", "app_label": "news", "model_name": "relatedarticle", "field_name": "related"},
        )
        assert [item["text"] for item in response.json()["results"]] == ["Văn phòng Sở khen thưởng"]

    def test_editor_saves_pins_in_the_article_form(self, client, editor, crafted):
        from tests.news.test_admin import article_form_data

        article = crafted["article"]
        client.force_login(editor)
        data = article_form_data(
            title=article.title,
            slug=article.slug,
            lead=article.lead,
            category=article.category_id,
            **{
                "related_links-TOTAL_FORMS": "2",
                "related_links-0-related": crafted["unrelated"].pk,
                "related_links-0-position": "2",
                "related_links-1-related": crafted["one_tag"].pk,
                "related_links-1-position": "1",
            },
        )
        del data["_publish"]  # the article is already published: a plain save keeps it so
        data["_save"] = "Lưu"
        response = client.post(reverse("admin:news_article_change", args=[article.pk]), data)
        assert response.status_code == 302
        assert compute_related(article, 2) == [crafted["one_tag"], crafted["unrelated"]]


class CacheTests:
    def test_cached_lists_cost_no_query(self, crafted, django_assert_num_queries):
        article = crafted["article"]
        first = related_articles(article)
        with django_assert_num_queries(0):
            assert related_articles(article) == first

    def test_uncached_lists_cost_four_queries_at_most(self, crafted, django_assert_max_num_queries):
        generation()  # the next scheduled time: one query after each change, shared by every list
        with django_assert_max_num_queries(4):
            assert len(related_articles(crafted["article"])) == 6

    def test_a_scheduled_article_joins_the_cached_lists_at_its_time_not_before(self, crafted):
        article, scheduled = crafted["article"], crafted["scheduled"]
        due = scheduled.published_at
        with time_machine.travel(due - datetime.timedelta(seconds=1), tick=False):
            assert scheduled not in related_articles(article, limit=20)  # cached now, for 15 minutes
        with time_machine.travel(due, tick=False):
            assert scheduled in related_articles(article, limit=20)  # nothing was saved, yet it is there

    def test_publishing_changing_and_withdrawing_refresh_the_lists(self, crafted):
        article = crafted["article"]
        assert crafted["draft"] not in related_articles(article, limit=20)

        crafted["draft"].status = Article.Status.PUBLISHED
        crafted["draft"].published_at = ago(minutes=1)
        crafted["draft"].save()
        # published: right after the same-theme article that also shares title words, then the older ones
        assert related_articles(article, limit=20)[1] == crafted["draft"]

        crafted["draft"].title = "Tiêu đề mới"
        crafted["draft"].save()
        assert related_articles(article, limit=20)[1].title == "Tiêu đề mới"

        crafted["draft"].status = Article.Status.DRAFT
        crafted["draft"].save()
        assert crafted["draft"] not in related_articles(article, limit=20)

        crafted["one_tag"].delete()
        assert crafted["one_tag"] not in related_articles(article, limit=20)

    def test_a_pinned_article_withdrawn_through_the_workflow_leaves_the_cached_lists(
        self, crafted, editor, client, django_capture_on_commit_callbacks
    ):
        from news.services import publish_article, withdraw_article

        article, pinned = crafted["article"], crafted["unrelated"]
        RelatedArticle.objects.create(article=article, related=pinned, position=0)
        assert related_articles(article)[0] == pinned  # cached now
        with django_capture_on_commit_callbacks(execute=True):
            withdraw_article(article=pinned, by=editor, reason="Sai số liệu")
        assert pinned not in related_articles(article, limit=20)
        assert pinned.title not in client.get(article.get_absolute_url()).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            publish_article(article=pinned, by=editor)
        assert related_articles(article)[0] == pinned

    def test_changing_themes_tags_or_pins_refresh_the_lists(self, crafted):
        article = crafted["article"]
        assert crafted["unrelated"] not in related_articles(article, limit=20)
        crafted["unrelated"].themes.add(*article.themes.all())
        assert crafted["unrelated"] in related_articles(article, limit=20)
        crafted["unrelated"].themes.clear()
        assert crafted["unrelated"] not in related_articles(article, limit=20)
        crafted["unrelated"].tags.add("a")
        assert crafted["unrelated"] in related_articles(article, limit=20)

        RelatedArticle.objects.create(article=article, related=crafted["phrase_in_body_only"])
        assert related_articles(article)[0] == crafted["phrase_in_body_only"]


class ArticlePageTests:
    def test_article_page_lists_related_news(self, client, crafted):
        html = client.get(crafted["article"].get_absolute_url()).content.decode()
        section = html.split("Tin liên quan")[1].split("</section>")[0]
        assert crafted["theme_new_and_words"].get_absolute_url() in section
        assert crafted["draft"].get_absolute_url() not in section

    def test_article_page_query_budget_with_and_without_cached_related_news(
        self, client, crafted, django_assert_max_num_queries
    ):
        url = crafted["article"].get_absolute_url()
        client.get(url)  # warm the site-wide blocks (menu, slogans, poll, links)
        bump_generation()  # as a save elsewhere would: related news must be computed again
        with django_assert_max_num_queries(16):
            assert client.get(url).status_code == 200
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
