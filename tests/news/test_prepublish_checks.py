"""Checks before publishing: advice shown to the editor, and the findings that stop an article going out."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from news import services
from news.checks import MIN_BODY_WORDS, prepublish_findings
from news.models import Article, ArticleEvent
from tests.factories import make_article
from tests.news.workflow_helpers import make_draft, post_change

pytestmark = pytest.mark.django_db

Status = Article.Status
LONG_BODY = "<h2>Mở đầu</h2><p>" + " ".join(["chữ"] * MIN_BODY_WORDS) + "</p>"


def codes(**fields):
    values = {"title": "Tiêu đề", "lead": "Sapo.", "body": LONG_BODY, "has_cover": True, **fields}
    return {(finding.code, finding.blocking) for finding in prepublish_findings(**values)}


def test_a_complete_article_has_no_finding():
    assert codes() == set()


def test_a_picture_without_alt_text_blocks():
    assert ("image_alt", True) in codes(body=LONG_BODY + '<figure><img src="/media/a.jpg"></figure>')
    assert ("image_alt", True) in codes(body=LONG_BODY + '<img src="/media/a.jpg" alt="  ">')
    assert codes(body=LONG_BODY + '<img src="/media/a.jpg" alt="Hội nghị">') == set()


def test_empty_links_block():
    assert ("empty_link", True) in codes(body=LONG_BODY + '<p><a href="">xem</a></p>')
    assert ("empty_link", True) in codes(body=LONG_BODY + '<p><a href="https://example.org/"> </a></p>')
    assert ("empty_link", True) in codes(body=LONG_BODY + '<p><a href="#">xem</a></p>')
    # A linked picture with alt text is a link with a name.
    assert codes(body=LONG_BODY + '<a href="https://example.org/"><img src="/a.jpg" alt="Bản đồ"></a>') == set()


def test_links_to_articles_readers_cannot_open_block():
    live = make_article(title="Bài đã đăng")
    draft = make_draft(None, title="Bài nháp")
    body = LONG_BODY + f'<p><a href="/bai-viet/{live.slug}/">đã đăng</a></p>'
    assert codes(body=body) == set()
    body += f'<p><a href="http://127.0.0.1:8000/bai-viet/{draft.slug}/">nháp</a></p>'
    body += '<p><a href="/bai-viet/khong-co-bai-nay/">mất</a></p>'
    findings = prepublish_findings(title="T", lead="S", body=body, has_cover=True)
    assert [f.code for f in findings] == ["unpublished_link"]
    assert draft.slug in findings[0].message and "khong-co-bai-nay" in findings[0].message
    # Other sites' addresses that happen to look like ours are not this portal's articles.
    assert codes(body=LONG_BODY + '<p><a href="https://baolongan.vn/bai-viet/abc/">báo</a></p>') == set()


def test_advice_does_not_block():
    found = codes(title="T" * 151, lead=" ", body="<h2>A</h2><h4>B</h4><p>ngắn</p>", has_cover=False)
    assert found == {
        ("long_title", False),
        ("no_lead", False),
        ("no_cover", False),
        ("heading_levels", False),
        ("short_body", False),
    }


def test_headings_going_down_one_level_at_a_time_are_fine():
    assert codes(body=LONG_BODY + "<h3>a</h3><h2>b</h2><h3>c</h3><h4>d</h4>") == set()
    assert ("heading_levels", False) in codes(body="<h3>a</h3>" + LONG_BODY)


def test_publishing_an_article_with_a_blocking_finding_is_refused_and_logs_nothing(editor, writer):
    article = make_draft(writer, status=Status.IN_REVIEW, body=LONG_BODY + '<img src="/media/a.jpg">')
    with pytest.raises(ValidationError) as refused:
        services.publish_article(article=article, by=editor)
    assert "alt" in str(refused.value)
    article.refresh_from_db()
    assert article.status == Status.IN_REVIEW
    assert not ArticleEvent.objects.filter(action="publish").exists()


def test_the_publish_button_shows_the_blocking_finding_and_saves_nothing(client, editor, writer):
    article = make_draft(writer, status=Status.IN_REVIEW, title="Tiêu đề cũ")
    client.force_login(editor)
    response = post_change(
        client, article, title="Tiêu đề mới", body=LONG_BODY + '<p><a href="">trống</a></p>', _publish="Đăng"
    )
    assert response.status_code == 200
    assert "liên kết trống" in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.title) == (Status.IN_REVIEW, "Tiêu đề cũ")


def test_the_publish_button_goes_through_with_advice_only(client, editor, writer):
    article = make_draft(writer, status=Status.IN_REVIEW)
    client.force_login(editor)
    response = post_change(client, article, body="<p>Ngắn.</p>", _publish="Đăng")
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_the_change_form_lists_the_findings(client, editor, writer):
    article = make_draft(writer, status=Status.IN_REVIEW, body="<p>Ngắn.</p>", cover="")
    client.force_login(editor)
    html = client.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    assert "Kiểm tra trước khi đăng" in html
    assert "Bài chưa có ảnh đại diện." in html
    assert "Nên xem lại:" in html


def test_bulk_publish_skips_an_article_with_a_blocking_finding(client, editor, writer):
    blocked = make_draft(writer, status=Status.IN_REVIEW, body='<img src="/media/a.jpg">')
    ready = make_draft(writer, status=Status.IN_REVIEW)
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_selected", "_selected_action": [blocked.pk, ready.pk]},
        follow=True,
    )
    assert "Đã đăng 1 bài." in response.content.decode()
    blocked.refresh_from_db()
    assert blocked.status == Status.IN_REVIEW
