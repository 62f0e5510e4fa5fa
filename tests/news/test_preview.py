"""Staff preview unpublished articles as readers would see them; a signed link expires."""

import datetime

import pytest
import time_machine
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from news.preview import preview_token
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(writer):
    return make_article(
        "Bài nháp về mô hình Nụ cười tiếp dân", status=Article.Status.DRAFT, published_at=None, created_by=writer
    )


def test_staff_preview_shows_the_draft_and_is_never_cached(client, editor, draft):
    client.force_login(editor)
    response = client.get(reverse("news:article-preview", kwargs={"pk": draft.pk}))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bài nháp về mô hình Nụ cười tiếp dân" in html
    assert "Bản xem trước" in html
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    draft.refresh_from_db()
    assert draft.view_count == 0  # a preview is not a view


def test_readers_and_other_writers_cannot_use_the_staff_preview(client, draft, django_user_model):
    url = reverse("news:article-preview", kwargs={"pk": draft.pk})
    assert client.get(url).status_code == 302  # to the login page
    other = django_user_model.objects.create_user("khac", is_staff=True)
    from django.contrib.auth.models import Group

    from portal.roles import WRITER

    other.groups.add(Group.objects.get(name=WRITER))
    client.force_login(other)
    assert client.get(url).status_code == 404


def test_the_writer_previews_their_own_draft(client, writer, draft):
    client.force_login(writer)
    assert client.get(reverse("news:article-preview", kwargs={"pk": draft.pk})).status_code == 200


@override_settings(PREVIEW_LINK_MAX_AGE=3600)
def test_a_signed_link_works_without_login_until_it_expires(client, draft):
    start = datetime.datetime(2024, 5, 19, 7, 0, tzinfo=datetime.UTC)
    with time_machine.travel(start, tick=False):
        url = reverse("news:article-preview-signed", kwargs={"token": preview_token(draft)})
        response = client.get(url)
        assert response.status_code == 200
        assert "Bài nháp về mô hình Nụ cười tiếp dân" in response.content.decode()
    with time_machine.travel(start + datetime.timedelta(seconds=3599), tick=False):
        assert client.get(url).status_code == 200
    with time_machine.travel(start + datetime.timedelta(seconds=3601), tick=False):
        response = client.get(url)
        assert response.status_code == 404


@pytest.mark.parametrize("token", ["12:abc:def", "khong-hop-le", "1"])
def test_a_forged_link_is_a_vietnamese_404(client, draft, token):
    response = client.get(reverse("news:article-preview-signed", kwargs={"token": token}))
    assert response.status_code == 404
    assert "Bài nháp" not in response.content.decode()


def test_a_signed_link_cannot_be_changed_to_another_article(client, draft):
    other = make_article("Bài khác chưa đăng", status=Article.Status.DRAFT, published_at=None)
    token = preview_token(draft)
    forged = token.replace(str(draft.pk), str(other.pk), 1)
    assert client.get(reverse("news:article-preview-signed", kwargs={"token": forged})).status_code == 404


def test_the_admin_offers_both_preview_links(client, editor, draft):
    client.force_login(editor)
    html = client.get(reverse("admin:news_article_change", args=[draft.pk])).content.decode()
    assert reverse("news:article-preview", kwargs={"pk": draft.pk}) in html
    assert "/xem-truoc/" in html and "hết hạn sau 3 ngày" in html


def test_the_preview_shows_pinned_related_news_and_the_records_as_readers_will(client, editor, draft):
    from news.models import RelatedArticle
    from tests.factories import make_award, make_exemplar, make_good_model

    pinned = make_article("Bài được biên tập viên ghim")
    withdrawn = make_article("Bài đã gỡ được ghim", status=Article.Status.WITHDRAWN)
    RelatedArticle.objects.create(article=draft, related=withdrawn, position=0)
    RelatedArticle.objects.create(article=draft, related=pinned, position=1)
    exemplar = make_exemplar("Đồng chí Lê Thị Mai")
    draft.good_models.add(make_good_model("Nụ cười tiếp dân"))
    from campaigns.models import Award

    revoked = {"revoked_by_number": "12/QĐ-UBND", "revoked_on": datetime.date(2024, 6, 1)}
    draft.awards.add(make_award(exemplar=exemplar, prize="Giải thu hồi", status=Award.Status.REVOKED, **revoked))
    client.force_login(editor)
    html = client.get(reverse("news:article-preview", kwargs={"pk": draft.pk})).content.decode()
    assert "Bài được biên tập viên ghim" in html
    assert "Bài đã gỡ được ghim" not in html
    assert "Trong bài này" in html and "Nụ cười tiếp dân" in html
    assert "Giải thu hồi" not in html  # a revoked award is not public


def signed_url(article) -> str:
    return reverse("news:article-preview-signed", kwargs={"token": preview_token(article)})


def assert_gone(response) -> None:
    assert response.status_code == 404
    html = response.content.decode()
    assert "Không tìm thấy trang bạn cần" in html
    assert "Bài nháp về mô hình Nụ cười tiếp dân" not in html


def test_withdrawing_the_article_ends_its_preview_links_at_once(client, editor, draft):
    from news import services

    url = signed_url(draft)
    services.publish_article(article=draft, by=editor)
    assert client.get(url).status_code == 200
    services.withdraw_article(article=draft, by=editor, reason="Sai số liệu")
    assert_gone(client.get(url))
    assert_gone(client.get(signed_url(draft)))  # nor does a link made after the withdrawal work


def test_a_link_made_before_a_withdrawal_stays_dead_when_the_article_returns(client, editor, draft):
    """Published again on a later date (scheduled), the article is not public yet: old links must not show it."""
    from news import services

    old_url = signed_url(draft)
    services.publish_article(article=draft, by=editor)
    services.withdraw_article(article=draft, by=editor, reason="Sai số liệu")
    draft.published_at = timezone.now() + datetime.timedelta(days=2)
    draft.save(update_fields=["published_at"])
    services.publish_article(article=draft, by=editor)
    assert_gone(client.get(old_url))
    assert client.get(signed_url(draft)).status_code == 200  # a new link, sent knowingly, works


def test_deleting_the_article_ends_its_preview_links(client, draft):
    url = signed_url(draft)
    draft.delete()
    assert_gone(client.get(url))


def test_a_link_keeps_working_while_the_draft_is_edited_and_reviewed(client, writer, editor, draft):
    from news import services

    url = signed_url(draft)
    services.submit_article(article=draft, by=writer)
    services.return_article(article=draft, by=editor, reason="Bổ sung số liệu")
    draft.refresh_from_db()
    draft.title = "Bài nháp về mô hình Nụ cười tiếp dân, đã bổ sung số liệu"
    draft.save()
    services.submit_article(article=draft, by=writer)
    response = client.get(url)
    assert response.status_code == 200
    assert "đã bổ sung số liệu" in response.content.decode()
    services.publish_article(article=draft, by=editor)
    assert client.get(url).status_code == 200


def test_a_link_made_before_this_release_still_works(client, draft):
    from django.core import signing

    token = signing.TimestampSigner(salt="news.preview").sign(str(draft.pk))  # the pk alone, as links were
    assert client.get(reverse("news:article-preview-signed", kwargs={"token": token})).status_code == 200


def test_the_admin_offers_no_signed_link_for_a_withdrawn_article(client, editor, draft):
    from news import services

    services.publish_article(article=draft, by=editor)
    services.withdraw_article(article=draft, by=editor, reason="Sai số liệu")
    client.force_login(editor)
    html = client.get(reverse("admin:news_article_change", args=[draft.pk])).content.decode()
    assert reverse("news:article-preview", kwargs={"pk": draft.pk}) in html  # staff still see it
    assert "Bài đã gỡ: không có liên kết gửi người duyệt." in html
    assert 'class="preview-link"' not in html
