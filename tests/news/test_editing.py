"""Editing safely: the lock shown to a second person, taking over, refused stale saves, autosave and restore."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news import editing
from news.models import Article, ArticleAutosave, ArticleLock
from tests.factories import make_article
from tests.news.workflow_helpers import change_data, make_draft, post_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_editor(django_user_model, editor):
    user = django_user_model.objects.create_user(
        "bientap2", password="x", is_staff=True, first_name="Văn A", last_name="Nguyễn"
    )
    user.groups.set(editor.groups.all())
    return user


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def test_the_second_person_sees_who_edits_since_when_and_a_read_only_form(client, editor, other_editor):
    article = make_article()
    client.force_login(other_editor)
    assert 'name="title"' in client.get(change_url(article)).content.decode()  # takes the lock
    client.force_login(editor)
    html = client.get(change_url(article)).content.decode()
    assert "Đang được Nguyễn Văn A sửa từ" in html
    assert 'name="title"' not in html  # read-only
    assert reverse("admin:news_article_take_over", args=[article.pk]) in html


def test_a_save_over_someone_elses_live_lock_is_refused_and_changes_nothing(client, editor, other_editor):
    article = make_article(title="Tiêu đề gốc")
    editing.take_lock(article=article, user=other_editor)
    client.force_login(editor)
    response = post_change(client, article, title="Ghi đè")
    assert response.status_code == 200
    assert "Đang được Nguyễn Văn A sửa" in response.content.decode()
    article.refresh_from_db()
    assert article.title == "Tiêu đề gốc"


def test_a_lock_not_seen_for_its_lifetime_has_expired(client, editor, other_editor, settings):
    article = make_article()
    editing.take_lock(article=article, user=other_editor)
    later = timezone.now() + datetime.timedelta(seconds=settings.ARTICLE_LOCK_SECONDS + 1)
    with time_machine.travel(later):
        assert editing.take_lock(article=article, user=editor).held
    assert ArticleLock.objects.get(article=article).holder == editor


def test_taking_over_needs_confirmation_and_tells_the_first_person(client, editor, other_editor):
    article = make_article()
    editing.take_lock(article=article, user=other_editor)
    client.force_login(editor)
    url = reverse("admin:news_article_take_over", args=[article.pk])
    page = client.get(url).content.decode()
    assert "Nguyễn Văn A" in page and "Tiếp quản và sửa bài" in page
    assert ArticleLock.objects.get(article=article).holder == other_editor  # a GET changes nothing
    response = client.post(url, follow=True)
    assert "Bạn đã tiếp quản bài từ Nguyễn Văn A." in response.content.decode()
    assert 'name="title"' in response.content.decode()
    # The first person's next heartbeat says so, and their save is refused.
    client.force_login(other_editor)
    beat = client.post(reverse("admin:news_article_lock", args=[article.pk])).json()
    assert beat["held"] is False and "đã tiếp quản bài này" in beat["message"]
    assert post_change(client, article, title="Muộn rồi").status_code == 200
    article.refresh_from_db()
    assert article.title != "Muộn rồi"


def test_a_save_over_a_newer_version_is_refused_with_the_typed_text_kept(client, editor):
    article = make_article(title="Bản đầu")
    opened = change_data(article)  # the form as this person opened it
    Article.objects.filter(pk=article.pk).update(title="Bản của người khác", updated_at=timezone.now())
    client.force_login(editor)
    response = client.post(change_url(article), {**opened, "title": "Bản tôi đang gõ", "_save": "Lưu"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài đã được lưu một phiên bản mới hơn" in html
    assert 'value="Bản tôi đang gõ"' in html  # kept in the form, to copy
    article.refresh_from_db()
    assert article.title == "Bản của người khác"


def test_a_forged_stamp_is_refused(client, editor):
    article = make_article(title="Bản đầu")
    client.force_login(editor)
    response = post_change(client, article, title="Sửa", opened_stamp="2026-02-30T10:00:00")
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title == "Bản đầu"


def test_a_save_on_the_current_version_goes_through_and_gives_the_lock_back(client, editor):
    article = make_article(title="Bản đầu")
    client.force_login(editor)
    client.get(change_url(article))
    assert ArticleLock.objects.filter(article=article, holder=editor).exists()
    assert post_change(client, article, title="Bản sửa", _save="Lưu").status_code == 302
    article.refresh_from_db()
    assert article.title == "Bản sửa"
    assert not ArticleLock.objects.filter(article=article).exists()


def test_leaving_the_page_gives_the_lock_back(client, editor, other_editor):
    article = make_article()
    client.force_login(other_editor)
    client.get(change_url(article))
    assert client.post(reverse("admin:news_article_release", args=[article.pk])).status_code == 204
    client.force_login(editor)
    assert "Đang được" not in client.get(change_url(article)).content.decode()


def test_autosave_is_offered_back_restored_into_the_form_and_discarded_on_save(client, writer):
    article = make_draft(writer, title="Tiêu đề đã lưu")
    client.force_login(writer)
    response = client.post(
        reverse("admin:news_article_autosave") + f"?article={article.pk}",
        {"title": "Tiêu đề đang gõ", "body": "<p>Một giờ gõ phím.</p>", "csrfmiddlewaretoken": "x"},
    )
    assert response.status_code == 200 and "saved_at" in response.json()
    article.refresh_from_db()
    assert article.title == "Tiêu đề đã lưu"  # no public revision, no change to the article
    html = client.get(change_url(article)).content.decode()
    assert "Có bản lưu tự động lúc" in html
    restored = client.get(change_url(article) + "?khoi-phuc=1").content.decode()
    assert 'value="Tiêu đề đang gõ"' in restored and "Một giờ gõ phím." in restored
    post_change(client, article, title="Tiêu đề đang gõ", _save="Lưu")
    assert not ArticleAutosave.objects.filter(user=writer).exists()
    assert "Có bản lưu tự động" not in client.get(change_url(article)).content.decode()


def test_a_new_articles_autosave_is_offered_on_the_add_form(client, writer):
    client.force_login(writer)
    client.post(reverse("admin:news_article_autosave"), {"title": "Bài mới chưa lưu", "lead": "Sapo"})
    assert "Có bản lưu tự động lúc" in client.get(reverse("admin:news_article_add")).content.decode()
    restored = client.get(reverse("admin:news_article_add") + "?khoi-phuc=1").content.decode()
    assert 'value="Bài mới chưa lưu"' in restored
    client.post(reverse("admin:news_article_autosave_discard"))
    assert not ArticleAutosave.objects.exists()


def test_nobody_autosaves_into_an_article_they_may_not_edit(client, writer, django_user_model):
    other = django_user_model.objects.create_user("phongvien9", password="x", is_staff=True)
    other.groups.set(writer.groups.all())
    article = make_draft(other)
    client.force_login(writer)
    assert (
        client.post(reverse("admin:news_article_autosave") + f"?article={article.pk}", {"title": "x"}).status_code
        == 403
    )
    assert client.post(reverse("admin:news_article_autosave") + "?article=abc", {"title": "x"}).status_code == 403
    assert client.post(reverse("admin:news_article_lock", args=[article.pk])).status_code == 403
    assert not ArticleAutosave.objects.exists()


def test_an_old_autosave_is_not_offered_over_a_newer_saved_article(client, writer):
    article = make_draft(writer)
    editing.store_autosave(user=writer, article=article, data={"title": "Cũ"})
    Article.objects.filter(pk=article.pk).update(updated_at=timezone.now() + datetime.timedelta(seconds=5))
    client.force_login(writer)
    assert "Có bản lưu tự động" not in client.get(change_url(article)).content.decode()


def test_a_writer_reads_their_submitted_article(client, writer):
    """A read-only article form (here: submitted, so no longer the writer's to edit) shows, without a 500."""
    article = make_draft(writer, status=Article.Status.IN_REVIEW, title="Bài đã gửi duyệt")
    client.force_login(writer)
    response = client.get(change_url(article))
    assert response.status_code == 200
    assert "Bài đã gửi duyệt" in response.content.decode()
    assert 'name="title"' not in response.content.decode()
