"""Withdrawing needs a reason, like returning: asked by the form and the list action, logged, shown in history."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from news import services
from news.models import Article, ArticleEvent
from tests.factories import make_article
from tests.news.workflow_helpers import post_change

pytestmark = pytest.mark.django_db
Status = Article.Status


def test_the_service_refuses_a_withdrawal_without_a_reason(editor, writer):
    article = make_article(created_by=writer)
    with pytest.raises(ValidationError):
        services.withdraw_article(article=article, by=editor, reason="   ")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED and not ArticleEvent.objects.exists()


def test_the_change_form_asks_for_the_reason(client, editor, writer):
    article = make_article(created_by=writer)
    client.force_login(editor)
    response = post_change(client, article, _withdraw="Gỡ")
    assert response.status_code == 200
    assert "Hãy ghi lý do gỡ bài." in response.content.decode()
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_the_reason_is_logged_and_shown_on_the_article(client, editor, writer):
    article = make_article(created_by=writer)
    client.force_login(editor)
    response = post_change(client, article, _withdraw="Gỡ", review_note="Đăng nhầm số liệu năm 2025")
    assert response.status_code == 302
    event = ArticleEvent.objects.get(article=article, action=ArticleEvent.Action.WITHDRAW)
    assert event.note == "Đăng nhầm số liệu năm 2025"
    assert services.status_reason(Article.objects.get(pk=article.pk)) == "Đăng nhầm số liệu năm 2025"
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Lý do trả lại, gỡ bài" in html
    assert html.count("Đăng nhầm số liệu năm 2025") >= 2  # the reason shown, and the review log's line


def test_the_writer_sees_why_their_article_was_withdrawn(client, editor, writer):
    article = make_article(created_by=writer)
    services.withdraw_article(article=article, by=editor, reason="Ảnh chưa xin phép tác giả")
    client.force_login(writer)
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Ảnh chưa xin phép tác giả" in html


def test_the_list_action_asks_for_the_reason_first(client, editor, writer):
    first, second = make_article(created_by=writer), make_article(created_by=writer)
    client.force_login(editor)
    url = reverse("admin:news_article_changelist")
    asked = client.post(url, {"action": "withdraw_selected", "_selected_action": [first.pk, second.pk]})
    assert asked.status_code == 200
    page = asked.content.decode()
    assert 'name="withdraw_reason"' in page and first.title in page
    assert Article.objects.filter(status=Status.WITHDRAWN).count() == 0
    empty = client.post(
        url, {"action": "withdraw_selected", "_selected_action": [first.pk], "withdraw_reason": "  "}
    ).content.decode()
    assert "Hãy ghi lý do gỡ bài." in empty
    done = client.post(
        url,
        {"action": "withdraw_selected", "_selected_action": [first.pk, second.pk], "withdraw_reason": "Hết hiệu lực"},
    )
    assert done.status_code == 302
    assert set(ArticleEvent.objects.filter(action="withdraw").values_list("note", flat=True)) == {"Hết hiệu lực"}
    assert Article.objects.filter(status=Status.WITHDRAWN).count() == 2
