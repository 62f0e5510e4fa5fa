"""“Thông tin này có hữu ích không?”: a 1-5 rating with an optional comment, counted like views."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from portal.ratings.models import Rating
from portal.ratings.targets import Target, sign_target
from portal.visitors.identity import VISITOR_COOKIE
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import make_article, make_document

pytestmark = pytest.mark.django_db

URL = "/danh-gia/"
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
def reader(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER_USER_AGENT
    return client


def target_of(article) -> str:
    return sign_target(Target(page=article.get_absolute_url(), title=article.title, article_id=article.pk))


def rate(client, target, score=5, comment="", **headers):
    return client.post(URL, {"target": target, "score": score, "comment": comment}, **headers)


def _rating_section(html: str) -> str:
    section = html[
        html.index('<section class="rating"') : html.index("</section>", html.index('<section class="rating"'))
    ]
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", section)


def test_the_article_page_shows_the_same_form_to_every_reader(reader):
    article = make_article("Đảng ủy Sở sơ kết Chỉ thị 05")
    html = reader.get(article.get_absolute_url()).content.decode()
    assert "Thông tin này có hữu ích không?" in html
    assert 'action="/danh-gia/"' in html and 'name="score"' in html and 'name="comment"' in html
    assert html.index("Thông tin này có hữu ích không?") < html.index("Bình luận")
    rate(reader, target_of(article))
    after = reader.get(article.get_absolute_url()).content.decode()
    stranger = Client(HTTP_USER_AGENT=BROWSER_USER_AGENT).get(article.get_absolute_url()).content.decode()
    # Whether this reader rated is said after the POST, never in the page (which a cache serves to everyone).
    assert _rating_section(after) == _rating_section(stranger) == _rating_section(html)


def test_a_rating_is_saved_once_per_visitor_and_the_answer_follows_the_post(reader):
    article = make_article()
    response = rate(reader, target_of(article), score=4, comment="Bài viết rõ ràng.")
    assert response.status_code == 200
    assert "Cảm ơn bạn đã đánh giá" in response.content.decode()
    assert VISITOR_COOKIE in response.cookies  # the visitor is known from now on
    rating = Rating.objects.get()
    assert (rating.score, rating.comment, rating.article, rating.page) == (
        4,
        "Bài viết rõ ràng.",
        article,
        article.get_absolute_url(),
    )
    again = rate(reader, target_of(article), score=1)
    assert "Bạn đã đánh giá trang này rồi" in again.content.decode()
    assert Rating.objects.get().score == 4


def test_with_javascript_the_answer_is_json(reader):
    article = make_article()
    answer = rate(reader, target_of(article), HTTP_ACCEPT="application/json").json()
    assert answer["counted"] is True and answer["message"].startswith("Cảm ơn")
    answer = rate(reader, target_of(article), HTTP_ACCEPT="application/json").json()
    assert answer["counted"] is True and "đã đánh giá" in answer["message"]
    assert Rating.objects.count() == 1


def test_bots_and_staff_are_not_counted(client, administrator):
    article = make_article()
    response = rate(client, target_of(article), HTTP_USER_AGENT=BOT)
    assert response.status_code == 403
    assert "công cụ tự động" in response.content.decode()
    client.force_login(administrator)
    response = rate(client, target_of(article), HTTP_USER_AGENT=BROWSER_USER_AGENT)
    assert response.status_code == 403
    assert not Rating.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"score": "6"},
        {"score": "0"},
        {"score": "abc"},
        {},
        {"score": "5", "comment": "x" * 1001},
    ],
)
def test_bad_input_is_a_vietnamese_message_and_nothing_saved(reader, data):
    article = make_article()
    response = reader.post(URL, {"target": target_of(article), **data})
    assert response.status_code == 400
    assert (
        "Vui lòng chọn" in response.content.decode()
        or "Chọn từ 1 đến 5" in response.content.decode()
        or ("1000" in response.content.decode())
    )
    assert not Rating.objects.exists()


@pytest.mark.parametrize("target", ["", "abc", "/bai-viet/x/:forged", sign_target(Target("/a/", "A"))[:-3] + "xyz"])
def test_a_page_the_portal_did_not_sign_cannot_be_rated(reader, target):
    response = rate(reader, target)
    assert response.status_code == 400
    assert "Không xác định được trang" in response.content.decode()
    assert not Rating.objects.exists()


def test_an_article_no_longer_published_takes_no_rating(reader):
    article = make_article()
    target = target_of(article)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.WITHDRAWN)
    assert rate(reader, target).status_code == 404
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(days=1))
    assert rate(reader, target_of(scheduled)).status_code == 404
    assert not Rating.objects.exists()


def test_an_address_has_a_budget_of_ratings(client, settings):
    settings.RATINGS_PER_ADDRESS = 2
    articles = [make_article() for _ in range(3)]
    for article in articles[:2]:
        client.cookies.clear()  # a new browser each time: the cookie is no way around the budget
        assert rate(client, target_of(article), HTTP_USER_AGENT=BROWSER_USER_AGENT).status_code == 200
    client.cookies.clear()
    refused = rate(client, target_of(articles[2]), HTTP_USER_AGENT=BROWSER_USER_AGENT)
    assert refused.status_code == 429 and "nhiều đánh giá" in refused.content.decode()
    assert Rating.objects.count() == 2


def test_get_is_refused(reader):
    assert reader.get(URL).status_code == 405


def test_the_document_library_and_a_document_page_can_be_rated(reader, django_assert_max_num_queries):
    document = make_document("185-KH/ĐU")
    library = reader.get(reverse("campaigns:document-list")).content.decode()
    assert "Thông tin này có hữu ích không?" in library
    page = reader.get(document.get_absolute_url()).content.decode()
    assert "Thông tin này có hữu ích không?" in page
    target = sign_target(Target(page=document.get_absolute_url(), title=str(document)))
    assert rate(reader, target, score=3).status_code == 200
    assert Rating.objects.get().article is None


def test_the_statistics_page_shows_count_average_and_distribution(client, editor):
    article = make_article("Bài được đánh giá")
    for n, score in enumerate([5, 4, 4, 1]):
        Rating.objects.create(
            page=article.get_absolute_url(), title=article.title, article=article, score=score, visitor_key=f"{n:032d}"
        )
    Rating.objects.create(page="/phong-trao/van-ban/", title="Thư viện văn bản", score=2, visitor_key="9" * 32)
    client.force_login(editor)
    html = client.get(reverse("reports:statistics")).content.decode()
    assert "5 lượt đánh giá trong khoảng này, điểm trung bình 3,20/5." in html
    row = html[html.index("Bài được đánh giá</a>") :].split("</tr>")[0]
    cells = [cell.split("<")[0] for cell in row.split("<td>")[1:]]
    assert cells == ["4", "3,50", "1", "0", "0", "2", "1"]
    assert "Thư viện văn bản" in html


def test_a_writer_does_not_see_another_writers_withdrawn_article_among_rated_pages(client, writer, editor):
    article = make_article("Bài đã gỡ của người khác", created_by=editor)
    Rating.objects.create(
        page=article.get_absolute_url(), title=article.title, article=article, score=5, visitor_key="1" * 32
    )
    Article.objects.filter(pk=article.pk).update(status=Article.Status.WITHDRAWN)
    client.force_login(writer)
    assert "Bài đã gỡ của người khác" not in client.get(reverse("reports:statistics")).content.decode()


@pytest.mark.parametrize("comment", ["\x00", "a\x00b", "🇻🇳🙏🏻" * 300, "<script>alert(1)</script>"])
def test_hostile_comments_are_refused_or_kept_as_text(reader, comment):
    article = make_article()
    response = rate(reader, target_of(article), comment=comment)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert Rating.objects.get().comment == comment
        assert "<script>alert" not in response.content.decode()
    else:
        assert not Rating.objects.exists()
