"""View counters in a real browser: the article's count, the footer's counters, the most-viewed tabs, the admin
statistics page; with screenshots to look at."""

import datetime

import pytest
from django.utils import timezone

from news.viewcounts.models import ArticleDailyViews
from tests.browser.conftest import DESKTOP, PHONE
from tests.conftest import BROWSER_USER_AGENT
from tests.factories import make_article, make_campaign, make_category

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    section = make_category("Học tập và làm theo Bác")
    campaign = make_campaign(code="05-CT/TW")
    today = timezone.localdate()
    articles = []
    for n, title in enumerate(
        [
            "Đảng ủy Sở sơ kết 5 năm thực hiện Chỉ thị 05-CT/TW",
            "Gương sáng: Tổ trợ giúp pháp luật về tài nguyên môi trường",
            "Chi bộ Văn phòng sinh hoạt chuyên đề năm 2024",
            "Mô hình “Nụ cười tiếp dân” được nhân rộng",
        ]
    ):
        article = make_article(title, category=section, campaigns=[campaign], view_count=1000 * (4 - n))
        for days_ago in range(0, 40, 3):
            ArticleDailyViews.objects.create(
                article=article, day=today - datetime.timedelta(days=days_ago), views=(n + 1) * 7 + days_ago
            )
        articles.append(article)
    return {"articles": articles, "campaign": campaign}


@pytest.mark.parametrize(("size", "label"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_a_reader_counts_once_and_sees_the_counters(live_server, browser, content, screenshot, size, label):
    article = content["articles"][0]
    page = browser.new_page(viewport=size, user_agent=BROWSER_USER_AGENT)
    page.goto(live_server.url + article.get_absolute_url())
    assert page.locator("[data-view-count]").inner_text() == "4.001"
    page.reload()
    assert page.locator("[data-view-count]").inner_text() == "4.001"  # the same reader within 30 minutes
    footer = page.locator(".site-counters").inner_text()
    assert "Số lượt truy cập" in footer
    assert "người đang online" in footer

    page.goto(live_server.url + "/")
    box = page.locator(".most-viewed")
    assert box.locator("[role=tab]").count() == 3
    assert box.locator("[role=tabpanel]:visible").count() == 1
    box.get_by_role("tab", name="Tất cả").click()
    visible = box.locator("[role=tabpanel]:visible")
    assert visible.count() == 1
    assert article.title in visible.inner_text()  # all time (the block is cached for 5 minutes)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    screenshot(page, f"view-counters-home-{label}")
    page.close()


def test_admin_statistics_page(live_server, browser, content, screenshot, editor):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "bientap")
    page.fill("#id_password", "mat-khau-bien-tap")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    page.click(".dashboard-links a[href$='/admin/thong-ke/']")  # the dashboard's link to "Thống kê"
    page.select_option("select[name=campaign]", str(content["campaign"].pk))
    page.click(".statistics__form button[type=submit]")
    assert page.locator("svg.chart").count() == 5
    assert "Các bài viết của chương trình" in page.content()
    screenshot(page, "admin-statistics-desktop")
    page.close()
