import datetime

import pytest
from django.utils import timezone

from news.models import Article, Tag
from news.viewcounts.counters import add_views
from tests.factories import make_article, make_campaign, make_category, make_theme

pytestmark = pytest.mark.django_db


class ArticleSlugTests:
    def test_slug_is_made_from_the_vietnamese_title(self):
        article = make_article("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh")
        assert article.slug == "hoc-tap-va-lam-theo-tu-tuong-dao-duc-phong-cach-ho-chi-minh"

    def test_same_title_gets_a_distinct_slug(self):
        first = make_article("Đảng ủy Sở ra quân tình nguyện")
        second = make_article("Đảng ủy Sở ra quân tình nguyện")
        assert first.slug == "dang-uy-so-ra-quan-tinh-nguyen"
        assert second.slug == "dang-uy-so-ra-quan-tinh-nguyen-2"

    def test_slug_survives_a_title_change(self):
        article = make_article("Tiêu đề ban đầu")
        article.title = "Tiêu đề đã sửa"
        article.save()
        assert article.slug == "tieu-de-ban-dau"

    def test_tag_slug_keeps_d(self):
        make_article(tags=["Đảng bộ Sở"])
        assert Tag.objects.get().slug == "dang-bo-so"


class ArticleBodyTests:
    def test_body_is_cleaned_on_save(self):
        article = make_article(
            body='<p onclick="steal()">Chào<script>alert(1)</script></p><a href="javascript:x">x</a>'
        )
        article.refresh_from_db()
        assert "script" not in article.body
        assert "onclick" not in article.body
        assert "javascript:" not in article.body
        assert "<p>Chào</p>" in article.body

    def test_editor_markup_is_kept(self):
        html = (
            '<h2>Mục một</h2><figure class="image"><img src="/media/editor/a.jpg" alt="Ảnh">'
            "<figcaption>Hội nghị. Ảnh: Lâm Anh</figcaption></figure><blockquote><p>Trích dẫn</p></blockquote>"
            "<table><tbody><tr><td>1.900</td></tr></tbody></table>"
        )
        article = make_article(body=html)
        for fragment in (
            "<h2>Mục một</h2>",
            '<figure class="image">',
            "<figcaption>",
            "<blockquote>",
            "<td>1.900</td>",
        ):
            assert fragment in article.body


class PublishedTests:
    def test_published_excludes_drafts_and_scheduled_articles(self):
        visible = make_article()
        make_article(status=Article.Status.DRAFT)
        make_article(published_at=timezone.now() + datetime.timedelta(hours=1))
        assert list(Article.objects.published()) == [visible]

    def test_publishing_without_a_time_stamps_now(self):
        article = make_article(published_at=None)
        assert article.published_at is not None
        assert article.is_public


class RelatedTests:
    def test_related_are_ranked_theme_then_campaign_then_tags_then_newest(self):
        campaign = make_campaign()
        theme = make_theme(campaign)
        now = timezone.now()
        article = make_article(campaigns=[campaign], themes=[theme], tags=["nêu gương", "chi bộ"])
        by_tag_newest = make_article(tags=["nêu gương"], published_at=now - datetime.timedelta(minutes=1))
        by_two_tags = make_article(tags=["nêu gương", "chi bộ"], published_at=now - datetime.timedelta(days=3))
        by_campaign = make_article(campaigns=[campaign], published_at=now - datetime.timedelta(days=5))
        by_theme_old = make_article(themes=[theme], published_at=now - datetime.timedelta(days=30))
        by_theme_new = make_article(themes=[theme], published_at=now - datetime.timedelta(days=10))
        make_article("Hội thi tìm hiểu pháp luật", lead="Tin khác.", tags=["khác"])  # unrelated
        make_article(themes=[theme], status=Article.Status.DRAFT)  # never an unpublished one
        make_article(themes=[theme], published_at=now + datetime.timedelta(days=1))  # nor a scheduled one

        related = list(Article.objects.related_to(article))

        assert related == [by_theme_new, by_theme_old, by_campaign, by_two_tags, by_tag_newest]
        assert article not in related

    def test_related_is_one_query(self, django_assert_num_queries):
        article = make_article(tags=["a", "b"])
        make_article(tags=["a"])
        with django_assert_num_queries(1):
            list(Article.objects.related_to(article)[:6])


class ViewCountTests:
    def test_add_views_adds_in_the_database_and_returns_the_stored_count(self):
        article = make_article(view_count=41)
        assert add_views(article.pk, 1) == 42
        assert add_views(article.pk, 1) == 43
        assert add_views(article.pk + 1000, 1) is None  # no such article: nothing to add to
        article.refresh_from_db()
        assert article.view_count == 43


class CategoryTests:
    def test_parent_category_lists_its_childrens_articles(self):
        parent = make_category("Học tập và làm theo Bác")
        child = make_category("Gương điển hình", parent=parent)
        in_child = make_article(category=child)
        assert list(Article.objects.published().in_category(parent)) == [in_child]
        assert parent.slug == "hoc-tap-va-lam-theo-bac"
