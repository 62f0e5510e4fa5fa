"""Edits to a published article are reviewed: readers keep the live version until an editor approves."""

import pytest
from django.urls import reverse

from news.models import Article, ArticleRevision, PendingEdit
from tests.factories import make_article, make_campaign
from tests.news.workflow_helpers import post_change

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(writer):
    return make_article("Tiêu đề đang đăng", created_by=writer, body="<p>Bản đang đăng.</p>")


def pending_url(article):
    return reverse("admin:news_article_pending", args=[article.pk])


def test_a_writers_change_to_a_live_article_waits_and_readers_keep_the_live_one(client, writer, live):
    client.force_login(writer)
    response = post_change(client, live, title="Tiêu đề đã sửa", body="<p>Bản sửa.</p>", _save="Lưu")
    assert response.status_code == 302
    live.refresh_from_db()
    assert (live.title, live.status) == ("Tiêu đề đang đăng", Article.Status.PUBLISHED)
    pending = PendingEdit.objects.get(article=live)
    assert pending.data["title"] == "Tiêu đề đã sửa" and pending.status == PendingEdit.Status.WAITING
    page = client.get(live.get_absolute_url()).content.decode()
    assert "Tiêu đề đang đăng" in page and "Bản sửa." not in page
    assert not ArticleRevision.objects.filter(article=live, data__title="Tiêu đề đã sửa").exists()


def test_the_writer_may_change_only_the_text_of_a_live_article(client, writer, live):
    campaign = make_campaign()
    client.force_login(writer)
    html = client.get(reverse("admin:news_article_change", args=[live.pk])).content.decode()
    assert 'name="title"' in html and 'name="lead"' in html
    assert 'name="campaigns"' not in html and 'name="slug"' not in html and 'name="new_tags"' not in html
    post_change(client, live, title="Sửa", campaigns=[campaign.pk], slug="duong-dan-moi")
    live.refresh_from_db()
    assert list(live.campaigns.all()) == [] and live.slug != "duong-dan-moi"


def test_a_second_save_updates_the_waiting_change(client, writer, live):
    client.force_login(writer)
    post_change(client, live, title="Lần một")
    post_change(client, live, title="Lần hai")
    assert list(PendingEdit.objects.values_list("data__title", flat=True)) == ["Lần hai"]


def test_the_editor_sees_the_difference_and_approves(client, writer, editor, live):
    client.force_login(writer)
    post_change(client, live, title="Tiêu đề đã sửa", body="<p>Bản sửa.</p>")
    client.force_login(editor)
    change = client.get(reverse("admin:news_article_change", args=[live.pk])).content.decode()
    assert "đang chờ duyệt" in change and pending_url(live) in change
    page = client.get(pending_url(live)).content.decode()
    assert "Bản đang đăng" in page and "Bản sửa" in page
    assert '<span class="diff_add">Tiêu&nbsp;đề&nbsp;đã&nbsp;sửa</span>' in page  # difflib's table
    response = client.post(pending_url(live), {"decision": "approve"})
    assert response.status_code == 302
    live.refresh_from_db()
    assert live.title == "Tiêu đề đã sửa" and "Bản sửa." in live.body
    revision = ArticleRevision.objects.filter(article=live).latest("number")
    assert revision.by == editor and revision.comment == "Duyệt bản sửa của phongvien"
    assert PendingEdit.objects.get().status == PendingEdit.Status.APPROVED
    assert "Bản sửa." in client.get(live.get_absolute_url()).content.decode()


def test_the_editor_refuses_with_a_reason_the_writer_reads(client, writer, editor, live):
    client.force_login(writer)
    post_change(client, live, title="Sửa sai")
    client.force_login(editor)
    assert "Hãy ghi lý do" in client.post(pending_url(live), {"decision": "reject", "reason": " "}).content.decode()
    client.post(pending_url(live), {"decision": "reject", "reason": "Số liệu chưa đúng"})
    live.refresh_from_db()
    assert live.title == "Tiêu đề đang đăng"
    client.force_login(writer)
    assert "Số liệu chưa đúng" in client.get(reverse("admin:news_article_change", args=[live.pk])).content.decode()


def test_approving_a_change_that_fails_a_blocking_check_is_refused(client, writer, editor, live):
    client.force_login(writer)
    post_change(client, live, body='<p>Ảnh:</p><img src="/media/a.jpg">')
    client.force_login(editor)
    page = client.post(pending_url(live), {"decision": "approve"}).content.decode()
    assert "chưa có mô tả (alt)" in page
    live.refresh_from_db()
    assert "Bản đang đăng." in live.body


def test_writers_cannot_approve_nor_touch_others_live_articles(client, writer, django_user_model, live):
    client.force_login(writer)
    post_change(client, live, title="Tự duyệt?")
    assert client.post(pending_url(live), {"decision": "approve"}).status_code == 200
    live.refresh_from_db()
    assert live.title == "Tiêu đề đang đăng"
    other = django_user_model.objects.create_user("phongvien7", password="x", is_staff=True)
    other.groups.set(writer.groups.all())
    client.force_login(other)
    post_change(client, live, title="Của người khác")
    assert PendingEdit.objects.get().data["title"] == "Tự duyệt?"


def test_an_editors_direct_correction_of_a_live_article_is_logged(client, editor, live):
    client.force_login(editor)
    post_change(client, live, title="Sửa lỗi chính tả", _save="Lưu")
    live.refresh_from_db()
    assert live.title == "Sửa lỗi chính tả"
    revision = ArticleRevision.objects.filter(article=live).latest("number")
    assert revision.by == editor and revision.comment == "Sửa trực tiếp bài đang đăng"
