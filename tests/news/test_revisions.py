"""Every save through the admin keeps a revision; the admin shows history and differences, and restores."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse

from news import services
from news.models import ArticleRevision, Tag
from news.revision_diff import compare
from tests.factories import make_article, make_campaign, make_document
from tests.news.workflow_helpers import change_data

pytestmark = pytest.mark.django_db


def save_through_admin(client, article, **changes):
    response = client.post(reverse("admin:news_article_change", args=[article.pk]), change_data(article, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()
    return article


@pytest.fixture
def edited(client, editor):
    """An article saved three times by the editor: title, then body changed."""
    client.force_login(editor)
    article = make_article("Tiêu đề ban đầu", body="<p>Đoạn một.</p><p>Đoạn hai.</p>", created_by=editor)
    save_through_admin(client, article)
    save_through_admin(client, article, title="Tiêu đề đã sửa")
    save_through_admin(client, article, body="<p>Đoạn một.</p><p>Đoạn hai đã sửa.</p><script>alert(1)</script>")
    return article


def test_each_save_stores_a_revision_with_who_and_what(edited, editor):
    revisions = list(ArticleRevision.objects.filter(article=edited).order_by("number"))
    assert [r.number for r in revisions] == [1, 2, 3]
    assert {r.by for r in revisions} == {editor}
    assert revisions[1].data["title"] == "Tiêu đề đã sửa"
    assert revisions[1].changed_fields(revisions[0]) == ["Tiêu đề"]
    assert revisions[2].changed_fields(revisions[1]) == ["Nội dung"]


def test_saving_without_changes_adds_no_revision(client, edited):
    save_through_admin(client, edited)
    assert ArticleRevision.objects.filter(article=edited).count() == 3


def test_history_page_lists_revisions_and_shows_an_escaped_diff(client, edited):
    url = reverse("admin:news_article_revisions", args=[edited.pk])
    response = client.get(url, {"a": 1, "b": 2})
    assert response.status_code == 200
    html = response.content.decode()
    assert "#3" in html and "bientap" in html
    assert "Tiêu đề ban đầu" in html and "Tiêu đề đã sửa" in html
    assert 'class="diff"' in html


def test_the_diff_escapes_html_of_the_article(edited):
    first = ArticleRevision.objects.get(article=edited, number=1)
    forged = {**first.data, "title": '<img src=x onerror="alert(1)">', "source": "<b>Báo</b>"}
    title, source = compare(first.data, forged, old_title="#1", new_title="<#9>")
    assert title.label == "Tiêu đề"
    assert "<img" not in title.table and "&lt;img" in title.table and "&lt;#9&gt;" in title.table
    assert source.after == "<b>Báo</b>"  # the template escapes it (see the page test below)


def test_restore_brings_back_an_old_revision_as_a_new_one(client, edited, editor):
    url = reverse("admin:news_article_revision_restore", args=[edited.pk, 1])
    response = client.post(url, {"confirm": "yes"})
    assert response.status_code == 302
    edited.refresh_from_db()
    assert edited.title == "Tiêu đề ban đầu"
    latest = ArticleRevision.objects.filter(article=edited).order_by("-number").first()
    assert latest.number == 4
    assert latest.comment == "Khôi phục từ phiên bản #1"
    assert latest.by == editor


def test_restore_needs_a_confirmed_post_and_a_known_revision(client, edited):
    assert client.get(reverse("admin:news_article_revision_restore", args=[edited.pk, 1])).status_code == 200
    edited.refresh_from_db()
    assert edited.title == "Tiêu đề đã sửa"  # a GET only asks
    response = client.post(
        reverse("admin:news_article_revision_restore", args=[edited.pk, 99]), {"confirm": "yes"}, follow=True
    )
    assert "Không tìm thấy phiên bản này." in response.content.decode()


def test_a_writer_cannot_restore_after_submitting(client, writer, editor):
    client.force_login(writer)
    article = make_article("Bài của phóng viên", status="draft", published_at=None, created_by=writer)
    save_through_admin(client, article)
    save_through_admin(client, article, title="Bài của phóng viên, bản hai")
    services.submit_article(article=article, by=writer)
    response = client.post(reverse("admin:news_article_revision_restore", args=[article.pk, 1]), {"confirm": "yes"})
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Bài của phóng viên, bản hai"
    assert client.get(reverse("admin:news_article_revisions", args=[article.pk])).status_code == 200


def test_the_change_form_links_to_the_history(client, edited):
    html = client.get(reverse("admin:news_article_change", args=[edited.pk])).content.decode()
    assert reverse("admin:news_article_revisions", args=[edited.pk]) in html


def test_bad_revision_numbers_in_the_query_are_ignored(client, edited):
    response = client.get(reverse("admin:news_article_revisions", args=[edited.pk]), {"a": "x", "b": "<"})
    assert response.status_code == 200
    assert 'class="diff"' not in response.content.decode()


def test_the_history_page_costs_the_same_for_many_revisions(client, edited, django_assert_max_num_queries):
    for n in range(4, 30):
        ArticleRevision.objects.create(article=edited, number=n, data={**edited.revisions.first().data, "title": n})
    with django_assert_max_num_queries(11):  # + the notification bell's unread count
        response = client.get(reverse("admin:news_article_revisions", args=[edited.pk]), {"a": 1, "b": 29})
    assert response.status_code == 200
    assert "#29" in response.content.decode()


def test_the_diff_reads_in_vietnamese(client, edited):
    """Field labels, names instead of ids, status labels, local times, and the body without its HTML tags."""
    campaign = make_campaign()
    first = ArticleRevision.objects.get(article=edited, number=1)
    later = {
        **first.data,
        "status": "review",
        "published_at": "2026-03-01T01:30:00+00:00",
        "campaigns": [campaign.pk],
        "pinned": [999999],
        "body": "<p>Đoạn một.</p><p>Đoạn <strong>hai</strong> đã sửa &amp; bổ sung.</p>",
    }
    ArticleRevision.objects.create(article=edited, number=4, data=later)
    html = client.get(reverse("admin:news_article_revisions", args=[edited.pk]), {"a": 1, "b": 4}).content.decode()
    changes = html.split("Khác biệt giữa phiên bản")[1]
    for label in ("Trạng thái", "Thời gian đăng", "Chương trình, phong trào", "Nội dung", "Tin liên quan chọn tay"):
        assert f'<h3 class="revision-field">{label}</h3>' in changes
    assert "Đã đăng" in changes and "Chờ duyệt" in changes and ">review<" not in changes
    assert "01/03/2026 08:30" in changes  # Asia/Ho_Chi_Minh
    assert str(campaign) in changes
    assert "(đã xóa, mã 999999)" in changes
    assert "&lt;p&gt;" not in changes and "<p>Đoạn" not in changes and "strong" not in changes
    assert "&amp;" in changes and "&amp;amp;" not in changes  # the entity decoded, then escaped once


def test_a_revision_in_the_old_format_still_shows_and_restores(client, edited):
    """Revisions written before links were kept: tag names, no records, documents or pins."""
    campaign, kept = make_campaign(), make_campaign()
    old = {
        "title": "Tiêu đề thời trước",
        "slug": edited.slug,
        "lead": edited.lead,
        "body": "<p>Nội dung cũ.</p>",
        "cover": "",
        "cover_caption": "",
        "author_name": "",
        "source": "",
        "category": edited.category_id,
        "tags": ["Học tập", "Thẻ đã xóa"],
        "campaigns": [campaign.pk],
        "themes": [],
        "status": "published",
        "published_at": edited.published_at.isoformat(),
        "is_featured": False,
        "allow_comments": True,
    }
    ArticleRevision.objects.create(article=edited, number=4, data=old)
    Tag.objects.create(name="Học tập")
    importlib.import_module("news.migrations.0009_revision_tag_ids").names_to_ids(django_apps, None)
    converted = ArticleRevision.objects.get(article=edited, number=4).data
    assert converted["tags"] == [Tag.objects.get(name="Học tập").pk, "Thẻ đã xóa"]
    edited.campaigns.set([kept])
    document = make_document()
    edited.documents.set([document])

    page = client.get(reverse("admin:news_article_revisions", args=[edited.pk]), {"a": 3, "b": 4})
    html = page.content.decode()
    assert page.status_code == 200 and "#4" in html
    assert '<h3 class="revision-field">Tiêu đề</h3>' in html and "trước" in html
    response = client.post(
        reverse("admin:news_article_revision_restore", args=[edited.pk, 4]), {"confirm": "yes"}, follow=True
    )
    edited.refresh_from_db()
    assert edited.title == "Tiêu đề thời trước"
    assert list(edited.campaigns.all()) == [campaign]
    assert list(edited.tags.names()) == ["Học tập"]
    assert list(edited.documents.all()) == [document]  # never recorded: kept as it is, and the editor is told
    html = response.content.decode()
    assert "Văn bản: phiên bản này được lưu trước khi lịch sử ghi các liên kết" in html
    assert "Thẻ: 1 mục đã bị xóa" in html


def test_a_time_written_with_another_offset_is_no_change():
    from news.models.revisions import same_value

    assert same_value("published_at", "2026-11-17T08:00:00+07:00", "2026-11-17T01:00:00+00:00")
    assert not same_value("published_at", "2026-11-17T08:00:00+07:00", "2026-11-17T08:00:00+00:00")
