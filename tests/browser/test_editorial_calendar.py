"""The newsroom in a real browser: an editor drags a scheduled article to another day of the calendar (the
script, under the Content-Security-Policy), and the writer's bell counts the notification it sent."""

import datetime

import pytest
from django.utils import timezone

from news.models import ArticleEvent
from tests.browser.conftest import DESKTOP
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base, username, password):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(base + "/admin/")


def test_an_editor_drags_a_scheduled_article_and_the_writer_sees_the_bell(
    live_server, browser, screenshot, editor, writer
):
    # Tomorrow at 09:00, moved to the day after: both inside one week view.
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    when = timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time(9, 0)))
    article = make_article(title="Bài hẹn giờ để kéo", created_by=writer, published_at=when)
    target = tomorrow + datetime.timedelta(days=1)

    page = browser.new_page(viewport=DESKTOP)
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    log_in(page, live_server.url, "bientap", "mat-khau-bien-tap")
    page.goto(f"{live_server.url}/admin/lich-bien-tap/tuan/?ngay={tomorrow.isoformat()}")
    if target.weekday() == 0:  # the day after is next week's Monday: use the month view, which shows both
        page.goto(f"{live_server.url}/admin/lich-bien-tap/?thang={tomorrow:%Y-%m}")
    with page.expect_navigation():
        page.locator(".cal-entry[data-move-url]").drag_to(page.locator(f'.cal-day[data-date="{target.isoformat()}"]'))
    article.refresh_from_db()
    moved = timezone.localtime(article.published_at)
    assert (moved.date(), moved.time()) == (target, datetime.time(9, 0))
    assert ArticleEvent.objects.filter(action="reschedule").exists()
    assert page.locator(f'.cal-day[data-date="{target.isoformat()}"] .cal-entry').count() == 1
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors
    screenshot(page, "editorial-calendar-after-drag")
    page.close()

    page = browser.new_page(viewport=DESKTOP)
    log_in(page, live_server.url, "phongvien", "mat-khau-phong-vien")
    assert page.locator(".notification-count").inner_text().startswith("1")
    page.click(".notification-bell")
    assert "Bài hẹn giờ để kéo" in page.locator(".notification-list").inner_text()
    page.close()
