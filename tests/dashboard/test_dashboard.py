"""The admin home's dashboard: each role's panels, with links, in a bounded number of queries."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news import services
from news.comments.models import Comment
from news.models import Article
from news.viewcounts.models import ArticleDailyViews
from tests.factories import make_article
from tests.news.workflow_helpers import make_draft

pytestmark = pytest.mark.django_db
Status = Article.Status


def home(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def panel(html: str, name: str) -> str:
    start = html.index(f'id="panel-{name}"')
    return html[start : html.index("</section>", start)]


def test_a_writer_sees_their_drafts_and_returned_articles_only(client, writer, editor):
    mine = make_draft(writer, title="Bản nháp của phóng viên")
    returned = make_draft(writer, title="Bài bị trả lại của phóng viên", status=Status.IN_REVIEW)
    services.return_article(article=returned, by=editor, reason="Thiếu ảnh")
    make_draft(editor, title="Bản nháp của biên tập viên")
    html = home(client, writer)
    work = panel(html, "my-work")
    assert mine.title in work and returned.title in work and "Trả lại" in work
    assert "Bản nháp của biên tập viên" not in html
    assert 'id="panel-review"' not in html and 'id="panel-comments"' not in html


def test_an_editor_sees_the_queue_with_its_age_the_week_ahead_and_the_comments(client, writer, editor):
    waiting = make_draft(writer, title="Bài chờ duyệt lâu")
    services.submit_article(article=waiting, by=writer)
    soon = make_article(title="Bài hẹn giờ ngày mai", published_at=timezone.now() + datetime.timedelta(days=1))
    make_article(title="Bài hẹn giờ tuần sau nữa", published_at=timezone.now() + datetime.timedelta(days=9))
    Comment.objects.create(article=soon, name="Trần Thị Bình", email="b@example.vn", text="Hay")
    html = home(client, editor)
    queue = panel(html, "review")
    assert waiting.title in queue and "chờ 0 phút" in queue
    scheduled = panel(html, "scheduled")
    assert "Bài hẹn giờ ngày mai" in scheduled and "Bài hẹn giờ tuần sau nữa" not in scheduled
    assert "Trần Thị Bình" in panel(html, "comments")
    assert reverse("reports:leadership") in html and reverse("reports:statistics") in html
    assert reverse("editorial_calendar:month") in html


def test_the_queue_age_is_since_the_latest_submission(writer, editor):
    from news.dashboard.panels import waiting_for_review

    article = make_draft(writer)
    services.submit_article(article=article, by=writer)
    (row,) = waiting_for_review().rows
    assert row.submitted_at == article.events.get(action="submit").at


def test_todays_views_and_the_weeks_most_read(client, editor):
    today = timezone.localdate()
    top = make_article(title="Bài đọc nhiều nhất tuần")
    other = make_article(title="Bài đọc ít hơn")
    ArticleDailyViews.objects.create(article=top, day=today, views=1200)
    ArticleDailyViews.objects.create(article=other, day=today - datetime.timedelta(days=2), views=300)
    ArticleDailyViews.objects.create(article=other, day=today - datetime.timedelta(days=9), views=5000)
    readership = panel(home(client, editor), "readership")
    assert ">1.200<" in readership
    assert readership.index("Bài đọc nhiều nhất tuần") < readership.index("Bài đọc ít hơn")


def test_the_dashboard_costs_the_same_with_many_rows(client, writer, editor, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def build(n):
        for i in range(n):
            article = make_draft(writer, title=f"Bài chờ duyệt {i}")
            services.submit_article(article=article, by=writer)
            make_article(published_at=timezone.now() + datetime.timedelta(hours=i + 1))
            Comment.objects.create(article=article, name=f"Bạn đọc {i}", email="x@example.vn", text="Hay")

    build(1)
    client.force_login(editor)
    client.get(reverse("admin:index"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("admin:index"))
    counted = len(few.captured_queries)  # read now: the next request resets the log
    build(20)
    client.get(reverse("reports:statistics"))  # the site's cached parts, cleared by the saves, are built again
    with django_assert_num_queries(counted + 3):  # + a COUNT for each panel now past its limit
        client.get(reverse("admin:index"))
    assert counted <= 16
