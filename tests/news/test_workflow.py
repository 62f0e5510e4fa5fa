"""The newsroom's review: roles, transitions and the log, through the services and the admin's change form.

The permission matrix (each role, each action, through the admin): tests/news/test_workflow_permissions.py.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from news import services
from news.models import Article, ArticleEvent
from portal.roles import ADMINISTRATOR, EDITOR, WRITER
from tests.factories import EMPTY_ARTICLE_INLINES, make_article, make_category
from tests.news.workflow_helpers import make_draft, post_change

pytestmark = pytest.mark.django_db

Status = Article.Status


class RoleTests:
    def test_the_three_roles_exist(self):
        assert set(Group.objects.values_list("name", flat=True)) >= {WRITER, EDITOR, ADMINISTRATOR}

    def test_writer_cannot_publish_or_review(self, writer):
        assert writer.has_perm("news.submit_article")
        assert not writer.has_perm("news.publish_article")
        assert not writer.has_perm("news.review_article")
        assert not writer.has_perm("news.delete_article")

    def test_editor_reviews_and_publishes(self, editor):
        assert editor.has_perm("news.review_article")
        assert editor.has_perm("news.publish_article")


class TransitionServiceTests:
    def test_the_whole_life_of_an_article_is_logged_with_the_person(self, writer, editor):
        article = make_draft(writer)
        services.submit_article(article=article, by=writer)
        services.return_article(article=article, by=editor, reason="Thiếu nguồn ảnh")
        assert services.last_return_reason(article) == "Thiếu nguồn ảnh"
        services.submit_article(article=article, by=writer)
        services.publish_article(article=article, by=editor)
        services.withdraw_article(article=article, by=editor, reason="Đăng nhầm chuyên mục")
        article.refresh_from_db()
        assert article.status == Status.WITHDRAWN
        assert article.published_at is not None
        log = list(
            ArticleEvent.objects.filter(article=article).order_by("at", "id").values_list("action", "by__username")
        )
        assert log == [
            ("submit", "phongvien"),
            ("return", "bientap"),
            ("submit", "phongvien"),
            ("publish", "bientap"),
            ("withdraw", "bientap"),
        ]

    def test_returning_needs_a_reason(self, writer, editor):
        article = make_draft(writer, status=Status.IN_REVIEW)
        with pytest.raises(ValidationError):
            services.return_article(article=article, by=editor, reason="  ")
        article.refresh_from_db()
        assert article.status == Status.IN_REVIEW
        assert not ArticleEvent.objects.exists()

    def test_a_transition_from_the_wrong_state_changes_nothing(self, writer, editor):
        article = make_draft(writer)
        with pytest.raises(ValidationError):
            services.withdraw_article(article=article, by=editor, reason="Thử")
        article.refresh_from_db()
        assert article.status == Status.DRAFT
        assert not ArticleEvent.objects.exists()

    def test_a_writer_cannot_publish_nor_submit_someone_elses_draft(self, writer, django_user_model):
        other = django_user_model.objects.create_user("khac", is_staff=True)
        other.groups.add(Group.objects.get(name=WRITER))
        article = make_draft(other)
        with pytest.raises(PermissionDenied):
            services.publish_article(article=article, by=writer)
        with pytest.raises(PermissionDenied):
            services.submit_article(article=article, by=writer)
        article.refresh_from_db()
        assert article.status == Status.DRAFT

    def test_publishing_keeps_a_future_time_so_the_article_is_scheduled(self, editor):
        import datetime

        from django.utils import timezone

        later = timezone.now() + datetime.timedelta(days=2)
        article = make_draft(editor, published_at=later)
        services.publish_article(article=article, by=editor)
        article.refresh_from_db()
        assert article.status == Status.PUBLISHED
        assert article.published_at == later
        assert not Article.objects.published().filter(pk=article.pk).exists()


class WriterAdminTests:
    def test_a_writer_adds_a_draft_and_submits_it(self, client, writer):
        client.force_login(writer)
        category = make_category("Tin hoạt động")
        data = {
            "title": "Chi bộ Phòng Đất đai sinh hoạt chuyên đề",
            "slug": "",
            "lead": "Chi bộ sinh hoạt chuyên đề quý III.",
            "body": "<p>Nội dung.</p>",
            "cover_caption": "",
            "category": category.pk,
            "new_tags": "",
            "author_name": "Lâm Anh",
            "source": "",
            "allow_comments": "on",
            "_save": "Lưu",
            **EMPTY_ARTICLE_INLINES,
        }
        assert client.post(reverse("admin:news_article_add"), data).status_code == 302
        article = Article.objects.get()
        assert (article.status, article.created_by) == (Status.DRAFT, writer)
        response = post_change(client, article, _submit_review="Gửi duyệt")
        assert response.status_code == 302
        article.refresh_from_db()
        assert article.status == Status.IN_REVIEW

    def test_the_writer_sees_the_reason_of_a_return(self, client, writer, editor):
        article = make_draft(writer, status=Status.IN_REVIEW)
        services.return_article(article=article, by=editor, reason="Cần bổ sung số liệu 1.900 trường hợp")
        client.force_login(writer)
        response = client.get(reverse("admin:news_article_change", args=[article.pk]))
        assert response.status_code == 200
        assert "Cần bổ sung số liệu 1.900 trường hợp" in response.content.decode()
        assert 'name="_submit_review"' in response.content.decode()
        assert 'name="_publish"' not in response.content.decode()

    def test_the_editor_sees_buttons_to_return_and_publish(self, client, writer, editor):
        article = make_draft(writer, status=Status.IN_REVIEW)
        client.force_login(editor)
        html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
        assert 'name="_return"' in html
        assert 'name="_publish"' in html
        assert 'name="_withdraw"' not in html

    def test_returning_without_a_reason_is_a_form_error(self, client, writer, editor):
        article = make_draft(writer, status=Status.IN_REVIEW)
        client.force_login(editor)
        response = post_change(client, article, _return="Trả lại")
        assert response.status_code == 200
        assert "Hãy ghi lý do trả lại bài." in response.content.decode()
        article.refresh_from_db()
        assert article.status == Status.IN_REVIEW

    def test_bulk_publish_skips_articles_in_the_wrong_state(self, client, writer, editor):
        ready = make_draft(writer, status=Status.IN_REVIEW)
        live = make_article(created_by=writer)
        client.force_login(editor)
        response = client.post(
            reverse("admin:news_article_changelist"),
            {"action": "publish_selected", "_selected_action": [ready.pk, live.pk]},
            follow=True,
        )
        assert "Đã đăng 1 bài." in response.content.decode()
        ready.refresh_from_db()
        assert ready.status == Status.PUBLISHED
        assert ArticleEvent.objects.filter(action="publish").count() == 1


def test_the_review_log_is_a_read_only_list_for_editors(client, writer, editor):
    article = make_draft(writer)
    services.submit_article(article=article, by=writer)
    services.publish_article(article=article, by=editor)
    client.force_login(editor)
    response = client.get(reverse("admin:news_articleevent_changelist"))
    assert response.status_code == 200
    assert "Đăng bài" in response.content.decode() and "Gửi duyệt" in response.content.decode()
    event = ArticleEvent.objects.first()
    response = client.post(reverse("admin:news_articleevent_change", args=[event.pk]), {"note": "sửa"})
    assert response.status_code == 403
    client.force_login(writer)
    assert client.get(reverse("admin:news_articleevent_changelist")).status_code == 403
