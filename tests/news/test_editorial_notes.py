"""Editorial notes: threaded between writer and editors in the admin, kept with the article, never public."""

import pytest
from django.urls import reverse

from news import services
from news.models import Article, ArticleNote
from news.models.notes import threads
from portal.notifications.models import Kind, Notification
from tests.factories import make_article
from tests.news.workflow_helpers import make_draft

pytestmark = pytest.mark.django_db
Status = Article.Status


def note_url(article):
    return reverse("admin:news_article_add_note", args=[article.pk])


def test_a_writer_notes_an_article_in_review_they_can_no_longer_edit(client, writer, editor, administrator):
    article = make_draft(writer, status=Status.IN_REVIEW)
    client.force_login(writer)
    response = client.post(note_url(article), {"text": "Em đã bổ sung nguồn ảnh ở đoạn 2."})
    assert response.status_code == 302 and response["Location"].endswith("#editorial-notes")
    assert ArticleNote.objects.get().author == writer
    assert sorted(Notification.objects.filter(kind=Kind.NOTE).values_list("recipient__username", flat=True)) == [
        "bientap",
        "quantri",
    ]
    page = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Em đã bổ sung nguồn ảnh ở đoạn 2." in page and 'id="editorial-notes"' in page


def test_an_editor_replies_in_the_thread_and_the_writer_is_told(client, writer, editor):
    article = make_draft(writer, status=Status.IN_REVIEW)
    question = services.add_note(article=article, by=writer, text="Chị xem giúp tít bài.")
    client.force_login(editor)
    client.post(note_url(article), {"text": "Tít ổn, sửa sapo ngắn hơn.", "parent": question.pk})
    reply = ArticleNote.objects.get(parent=question)
    assert reply.author == editor
    assert list(Notification.objects.filter(kind=Kind.NOTE, actor=editor).values_list("recipient", flat=True)) == [
        writer.pk
    ]
    later = services.add_note(article=article, by=writer, text="Em cảm ơn.")
    assert [(n.text, depth) for n, depth in threads(ArticleNote.objects.for_article(article))] == [
        ("Chị xem giúp tít bài.", 0),
        ("Tít ổn, sửa sapo ngắn hơn.", 1),
        ("Em cảm ơn.", 0),
    ]
    assert later.parent is None


def test_notes_never_reach_readers(client, writer, editor):
    article = make_article(created_by=writer)
    services.add_note(article=article, by=editor, text="GHI-CHU-NOI-BO: kiểm tra lại số liệu")
    for url in (article.get_absolute_url(), reverse("home"), reverse("news:rss") if _has("news:rss") else "/"):
        assert "GHI-CHU-NOI-BO" not in client.get(url).content.decode()


def _has(name):
    from django.urls import NoReverseMatch

    try:
        reverse(name)
    except NoReverseMatch:
        return False
    return True


def test_a_writer_cannot_note_someone_elses_article(client, writer, django_user_model):
    from django.contrib.auth.models import Group

    from portal.roles import WRITER

    other = django_user_model.objects.create_user("khac", is_staff=True)
    other.groups.add(Group.objects.get(name=WRITER))
    article = make_draft(other, status=Status.IN_REVIEW)
    client.force_login(writer)
    assert client.post(note_url(article), {"text": "Xen vào"}).status_code in (302, 404)
    assert not ArticleNote.objects.exists()
    assert client.get(reverse("admin:news_article_change", args=[article.pk])).status_code in (302, 403, 404)


def test_an_empty_note_is_a_message_not_a_row(client, writer):
    article = make_draft(writer)
    client.force_login(writer)
    response = client.post(note_url(article), {"text": "   "}, follow=True)
    assert "Hãy viết nội dung ghi chú." in response.content.decode()
    assert not ArticleNote.objects.exists()


def test_a_parent_from_another_article_is_ignored(client, writer):
    article, other = make_draft(writer), make_draft(writer)
    foreign = services.add_note(article=other, by=writer, text="Bài khác")
    client.force_login(writer)
    client.post(note_url(article), {"text": "Trả lời lạc chỗ", "parent": foreign.pk})
    assert ArticleNote.objects.get(text="Trả lời lạc chỗ").parent is None


def test_notes_only_by_post(client, writer):
    article = make_draft(writer)
    client.force_login(writer)
    assert client.get(note_url(article)).status_code == 405
