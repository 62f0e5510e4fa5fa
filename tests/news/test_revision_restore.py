"""A restore brings back an old revision's fields and links, after asking; suggested links belong to their saver."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from news.models import ArticleRevision, RelatedArticle, Tag
from news.models.revisions import LINKS
from tests.factories import (
    make_article,
    make_award,
    make_campaign,
    make_document,
    make_exemplar,
    make_good_model,
    make_theme,
)
from tests.news.workflow_helpers import change_data

pytestmark = pytest.mark.django_db


def form_data(article, **overrides):
    """The change form as the admin shows ``article`` now: its links selected, its pins as the inline's rows."""
    data = change_data(article)
    for name in LINKS:
        data[name] = [obj.pk for obj in getattr(article, name).all()]
    pins = list(RelatedArticle.objects.filter(article=article))
    data["related_links-TOTAL_FORMS"] = data["related_links-INITIAL_FORMS"] = str(len(pins))
    for n, pin in enumerate(pins):
        data |= {
            f"related_links-{n}-id": pin.pk,
            f"related_links-{n}-article": article.pk,
            f"related_links-{n}-related": pin.related_id,
            f"related_links-{n}-position": pin.position,
        }
    return data | overrides


def save(client, article, **overrides):
    response = client.post(reverse("admin:news_article_change", args=[article.pk]), form_data(article, **overrides))
    assert response.status_code == 302, response.context["adminform"].form.errors
    article.refresh_from_db()


def restore(client, article, number, **kwargs):
    url = reverse("admin:news_article_revision_restore", args=[article.pk, number])
    return client.post(url, {"confirm": "yes"}, **kwargs)


def links_of(article) -> dict:
    links = {name: set(getattr(article, name).all()) for name in LINKS}
    links["pinned"] = [pin.related for pin in RelatedArticle.objects.filter(article=article)]
    return links


def pin(article, *related):
    RelatedArticle.objects.filter(article=article).delete()
    for position, other in enumerate(related, 1):
        RelatedArticle.objects.create(article=article, related=other, position=position)


@pytest.fixture
def linked(client, editor):
    """An article saved with one of every link and two pins (revision 1)."""
    client.force_login(editor)
    campaign = make_campaign()
    article = make_article("Bài có đủ liên kết", created_by=editor, campaigns=[campaign], tags=["Học tập"])
    article.themes.set([make_theme(campaign)])
    article.good_models.set([make_good_model("Mô hình tiếp dân")])
    article.exemplars.set([make_exemplar("Đồng chí Lê Văn Tám")])
    article.awards.set([make_award()])
    article.documents.set([make_document("185-KH/ĐU")])
    pin(article, make_article("Tin ghim một"), make_article("Tin ghim hai"))
    save(client, article)
    return article


def test_restoring_after_links_changed_brings_every_link_back(client, linked):
    before = links_of(linked)
    campaign = make_campaign()
    linked.campaigns.set([campaign])
    linked.themes.set([make_theme(campaign)])
    linked.tags.set(["Thẻ khác"])
    linked.good_models.set([make_good_model()])
    linked.exemplars.clear()
    linked.awards.set([make_award(), make_award()])
    linked.documents.set([make_document()])
    pin(linked, before["pinned"][1], make_article("Tin ghim ba"))  # reordered, one replaced
    save(client, linked, title="Tiêu đề mới")
    assert links_of(linked) != before

    assert restore(client, linked, 1).status_code == 302
    linked.refresh_from_db()
    assert linked.title == "Bài có đủ liên kết"
    assert links_of(linked) == before
    latest = ArticleRevision.objects.filter(article=linked).first()
    assert latest.number == 3 and latest.comment == "Khôi phục từ phiên bản #1"
    first = ArticleRevision.objects.get(article=linked, number=1)
    assert latest.data == first.data


def test_links_to_rows_deleted_since_are_skipped_and_the_editor_is_told(client, linked):
    campaign = linked.campaigns.get()
    linked.good_models.get().delete()
    RelatedArticle.objects.filter(article=linked).first().related.delete()
    linked.campaigns.clear()
    save(client, linked)

    response = restore(client, linked, 1, follow=True)
    html = response.content.decode()
    assert "Mô hình hay: 1 mục đã bị xóa" in html
    assert "Tin liên quan chọn tay: 1 mục đã bị xóa" in html
    assert list(linked.campaigns.all()) == [campaign]
    assert [p.related.title for p in RelatedArticle.objects.filter(article=linked)] == ["Tin ghim hai"]


def test_restore_asks_for_confirmation_first(client, linked):
    save(client, linked, title="Tiêu đề mới")
    url = reverse("admin:news_article_revision_restore", args=[linked.pk, 1])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert 'method="post"' in html and 'name="confirm"' in html
    assert "Tiêu đề" in html and "Bài có đủ liên kết" in html  # what the restore would change
    assert client.post(url).status_code == 200  # a POST without the confirmation only shows the page again
    linked.refresh_from_db()
    assert linked.title == "Tiêu đề mới"
    assert ArticleRevision.objects.filter(article=linked).count() == 2


def test_a_restore_is_logged_for_the_article(client, linked, editor):
    save(client, linked, title="Tiêu đề mới")
    restore(client, linked, 1)
    entry = LogEntry.objects.filter(object_id=str(linked.pk)).first()
    assert entry.user == editor
    assert "Đã khôi phục phiên bản #1" in entry.get_change_message()


def test_suggested_links_are_in_the_revision_of_the_person_who_saved(client, editor, administrator):
    document = make_document("186-KH/ĐU")
    client.force_login(editor)
    article = make_article(body="<p>Thực hiện Kế hoạch số 186-KH/ĐU của Đảng ủy Sở.</p>", created_by=editor)
    save(client, article, link_suggested="on")
    assert list(article.documents.all()) == [document]
    revision = ArticleRevision.objects.get(article=article)
    assert revision.by == editor and revision.data["documents"] == [document.pk]

    client.force_login(administrator)
    save(client, article)  # nothing changed: the administrator's save is no revision
    assert ArticleRevision.objects.filter(article=article).count() == 1


def test_tags_come_back_by_id_even_when_renamed(client, linked):
    tag = Tag.objects.get(name="Học tập")
    linked.tags.clear()
    save(client, linked)
    tag.name = "Học tập và làm theo Bác"
    tag.save()
    restore(client, linked, 1)
    assert list(linked.tags.all()) == [tag]


def test_a_writer_restoring_does_not_feature_or_reschedule(client, writer):
    """The form keeps "featured" and the publication time from writers; a restore keeps them too."""
    client.force_login(writer)
    article = make_article("Bài nháp", status="draft", published_at=None, created_by=writer)
    save(client, article)
    first = ArticleRevision.objects.get(article=article)
    forged = {**first.data, "title": "Bản cũ", "is_featured": True, "published_at": "2026-03-01T01:30:00+00:00"}
    ArticleRevision.objects.create(article=article, number=2, data=forged)
    save(client, article, title="Bản mới")
    assert restore(client, article, 2).status_code == 302
    article.refresh_from_db()
    assert article.title == "Bản cũ"
    assert article.is_featured is False and article.published_at is None
