"""The campaign hub in a real browser, at desktop and phone widths, with the demo's emulation records."""

import io

import pytest
from django.utils import timezone

from portal.demo.emulation import seed
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.factories import make_article, make_campaign, make_category, make_issuer, make_theme

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def hub():
    directive = make_campaign(
        code="05-CT/TW", title="Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
    )
    campaign = make_campaign(
        code="01-KL/TW",
        kind="ket-luan",
        title="Về tiếp tục thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị khóa XII",
        summary="Kết luận yêu cầu tiếp tục thực hiện Chỉ thị 05-CT/TW, với một chuyên đề toàn khóa 2021-2025 và "
        "chuyên đề hằng năm do từng địa phương, đơn vị lựa chọn.",
        continues=directive,
    )
    make_theme(
        campaign,
        year=2021,
        year_end=2025,
        title="Ý chí tự lực, tự cường và khát vọng phát triển đất nước phồn vinh, hạnh phúc",
    )
    party = make_issuer("Đảng ủy Sở Tài nguyên và Môi trường")
    for year in (2022, 2023, 2024):
        make_theme(
            campaign,
            year=year,
            scope="dang-bo",
            issuer=party,
            title=f"Chuyên đề năm {year} của Đảng bộ Sở về nêu gương, tận tụy phục vụ Nhân dân",
        )
    section = make_category("Học tập và làm theo Bác")
    now = timezone.now()
    for n in range(4):
        make_article(
            f"Lan tỏa mô hình Nụ cười tiếp dân ở Văn phòng Đăng ký đất đai, bài {n + 1}",
            category=section,
            campaigns=[campaign],
            published_at=now - timezone.timedelta(days=n),
        )
    seed(stdout=io.StringIO(), with_files=True)
    return campaign


@pytest.mark.parametrize(("size", "label"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_campaign_hub_reads_well_at_each_width(live_server, browser, hub, screenshot, size, label):
    page = browser.new_page(viewport=size)
    response = page.goto(live_server.url + hub.get_absolute_url())
    assert response.status == 200
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"the hub overflows by {overflow}px at {label} width"
    for title in (
        "Mô hình hay, cách làm sáng tạo",
        "Gương điển hình tiên tiến",
        "Khen thưởng",
        "Chuyên đề qua các năm",
    ):
        assert page.get_by_role("heading", name=title).first.is_visible()
    assert page.locator(".record-card:visible").count() == (8 if label == "desktop" else 4)
    screenshot(page, f"campaign-hub-{label}")

    page.get_by_role("link", name="Xem tất cả mô hình").click()
    page.wait_for_load_state()
    assert page.locator(".record-card").count() >= 9
    assert "campaign=01-kl-tw" in page.url
    screenshot(page, f"good-models-{label}")

    page.locator(".record-card__title a").first.click()
    page.wait_for_load_state()
    assert page.locator(".facts").is_visible()
    screenshot(page, f"good-model-{label}")

    page.goto(live_server.url + "/phong-trao/van-ban/?q=ke+hoach+hoi+thi")
    assert "35-KH/ĐU" in page.locator(".doc-list").inner_text()
    screenshot(page, f"documents-{label}")
    page.close()


def test_leadership_report_shows_charts_in_the_admin(live_server, browser, hub, screenshot, django_user_model):
    django_user_model.objects.create_superuser("lanhdao", password="mat-khau-lanh-dao")
    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "lanhdao")
    page.fill("#id_password", "mat-khau-lanh-dao")
    page.click("input[type=submit]")
    page.goto(live_server.url + "/admin/campaigns/award/")
    page.get_by_role("link", name="Báo cáo thi đua").click()
    page.fill("#id_start", "2024-01-01")
    with page.expect_navigation():  # the form is a GET: count the charts of the new page, not the old one's
        page.click("input[type=submit][value='Xem báo cáo']")
    page.locator("svg.chart").first.wait_for()
    assert page.locator("svg.chart").count() == 3
    assert "Khen thưởng được trao" in page.locator(".report-summary").inner_text()
    screenshot(page, "leadership-report-desktop")
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất Excel (xlsx)").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    page.close()


def test_article_form_suggests_documents_named_in_the_text(live_server, browser, hub, screenshot, django_user_model):
    from news.models import Article

    article = Article.objects.order_by("pk").first()
    article.body = "<p>Đảng ủy Sở triển khai Kế hoạch số 35-KH/ĐU về hội thi tìm hiểu về Bác.</p>"
    article.save()
    django_user_model.objects.create_superuser("lanhdao", password="mat-khau-lanh-dao")
    page = browser.new_page(viewport=DESKTOP)
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "lanhdao")
    page.fill("#id_password", "mat-khau-lanh-dao")
    page.click("input[type=submit]")
    page.goto(live_server.url + f"/admin/news/article/{article.pk}/change/")
    panel = page.locator(".link-suggestions")
    assert "Kế hoạch 35-KH/ĐU" in panel.inner_text()
    panel.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "article-admin-suggestions.png"))
    page.check("#id_link_suggested")
    page.click("input[name=_continue]")
    assert "Đã liên kết bài viết với" in page.locator(".messagelist").inner_text()
    assert article.documents.filter(number="35-KH/ĐU").exists()
    page.close()
