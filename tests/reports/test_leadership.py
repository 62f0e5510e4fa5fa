"""The leadership report: figures for a period and a campaign, charts, and exports opened back."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from campaigns.models import Award
from portal.reports.leadership import build_report
from tests.factories import make_article, make_award, make_campaign, make_category, make_exemplar, make_good_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def period_data():
    today = timezone.localdate()
    start, end = today - datetime.timedelta(days=30), today
    now = timezone.now()
    campaign, other = make_campaign(code="01-KL/TW"), make_campaign(code="03-CT/TW")
    news, party = make_category("Tin tức"), make_category("Xây dựng Đảng")
    for n, (category, author, views) in enumerate(
        [(news, "T. Hùng", 100), (news, "T. Hùng", 50), (party, "Hải An", 7), (news, "", 3)]
    ):
        make_article(
            category=category,
            author_name=author,
            view_count=views,
            campaigns=[campaign],
            published_at=now - datetime.timedelta(days=n + 1),
        )
    make_article(
        category=news,
        author_name="T. Hùng",
        view_count=999,
        campaigns=[campaign],
        published_at=now - datetime.timedelta(days=90),
    )  # before the period
    make_article(
        category=news,
        author_name="Khác",
        view_count=500,
        campaigns=[other],
        published_at=now - datetime.timedelta(days=2),
    )  # another campaign
    make_article(category=news, view_count=0, status="draft", campaigns=[campaign])
    good_model = make_good_model(
        "Nụ cười tiếp dân", campaigns=[campaign], started_on=today - datetime.timedelta(days=9)
    )
    make_exemplar("Nguyễn Thị Hoa", campaigns=[campaign], year=today.year)
    make_exemplar("Ngoài chương trình", campaigns=[other], year=today.year)
    # Entered today, but they happened long before the period: not counted in it.
    make_good_model("Mô hình từ năm 2022", campaigns=[campaign], started_on=datetime.date(2022, 3, 1))
    make_exemplar("Biểu dương năm 2023", campaigns=[campaign], year=2023)
    make_award(
        good_model=good_model, campaign=campaign, decided_on=today - datetime.timedelta(days=3), prize="Giải Nhất"
    )
    make_award(campaign=campaign, decided_on=today - datetime.timedelta(days=4))
    make_award(
        campaign=campaign,
        decided_on=today - datetime.timedelta(days=5),
        status=Award.Status.REVOKED,
        revoked_by_number="9/QĐ",
        revoked_on=today,
    )
    make_award(campaign=campaign, decided_on=today - datetime.timedelta(days=60))
    return {"start": start, "end": end, "campaign": campaign}


def test_report_counts_articles_views_records_and_awards_of_the_period_and_campaign(period_data):
    report = build_report(**period_data)
    assert report.articles == 4
    assert report.views == 160
    assert report.by_category == [("Tin tức", 3, 153), ("Xây dựng Đảng", 1, 7)]
    assert report.by_author[0] == ("T. Hùng", 2, 150)
    assert ("(không ghi tác giả)", 1, 3) in report.by_author
    assert [m.name for m in report.good_models] == ["Nụ cười tiếp dân"]
    assert [e.name for e in report.exemplars] == ["Nguyễn Thị Hoa"]
    assert len(report.awards) == 2  # the revoked one and the one before the period are left out
    everything = build_report(start=period_data["start"], end=period_data["end"])
    assert everything.articles == 5 and "Ngoài chương trình" in [e.name for e in everything.exemplars]


def test_admin_report_page_shows_figures_and_charts(client, administrator, period_data):
    client.force_login(administrator)
    params = {"start": period_data["start"], "end": period_data["end"], "campaign": period_data["campaign"].pk}
    response = client.get(reverse("reports:leadership"), params)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="chart"') == 3
    assert "Số bài theo chuyên mục" in html and "Tin tức" in html and ">160<" in html
    assert "format=xlsx" in html and "format=csv" in html


def test_bad_period_is_a_form_error(client, administrator):
    client.force_login(administrator)
    response = client.get(reverse("reports:leadership"), {"start": "2024-05-01", "end": "2024-01-01"})
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau ngày bắt đầu" in response.content.decode()
    response = client.get(reverse("reports:leadership"), {"start": "hôm qua", "end": "", "format": "xlsx"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")


def test_report_needs_staff_with_permissions(client, django_user_model):
    assert client.get(reverse("reports:leadership")).status_code == 302  # to the login page
    staff = django_user_model.objects.create_user("khach", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("reports:leadership")).status_code == 403


def test_xlsx_export_opens_with_the_same_figures(client, editor, period_data):
    client.force_login(editor)
    params = {"start": period_data["start"], "end": period_data["end"], "campaign": period_data["campaign"].pk}
    response = client.get(reverse("reports:leadership"), {**params, "format": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[:3] == ["Tổng hợp", "Theo chuyên mục", "Theo tác giả"]
    summary = {row[0]: row[1] for row in workbook["Tổng hợp"].iter_rows(min_row=2, values_only=True)}
    assert summary["Bài viết đã đăng"] == 4
    assert summary["Lượt xem của các bài đó"] == 160
    assert summary["Khen thưởng được trao"] == 2
    assert summary["Chương trình"] == "Chỉ thị 01-KL/TW"
    categories = list(workbook["Theo chuyên mục"].iter_rows(min_row=2, values_only=True))
    assert categories == [("Tin tức", 3, 153), ("Xây dựng Đảng", 1, 7)]
    awards = list(workbook["Khen thưởng"].iter_rows(min_row=2, values_only=True))
    assert awards[1][1] == "Giải Nhất" and isinstance(awards[1][5], datetime.datetime)


def test_csv_export_opens_with_the_same_figures(client, editor, period_data):
    client.force_login(editor)
    params = {"start": period_data["start"], "end": period_data["end"], "campaign": period_data["campaign"].pk}
    response = client.get(reverse("reports:leadership"), {**params, "format": "csv"})
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert ["Bài viết đã đăng", "4"] in rows
    assert ["Lượt xem của các bài đó", "160"] in rows
    assert ["T. Hùng", "2", "150"] in rows
    assert ["Mô hình hay bắt đầu thực hiện trong kỳ", "1"] in rows


def test_names_typed_as_formulas_stay_text_in_the_exports(period_data):
    from portal.reports.exports import export_csv, export_xlsx

    make_article(
        author_name='=HYPERLINK("http://x")',
        campaigns=[period_data["campaign"]],
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )
    report = build_report(**period_data)
    text = export_csv(report).decode("utf-8-sig")
    assert "'=HYPERLINK" in text, text
    sheet = load_workbook(io.BytesIO(export_xlsx(report)))["Theo tác giả"]
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row if str(cell.value).startswith("=")]
    assert cells and all(cell.data_type == "s" for cell in cells)


def test_names_starting_with_a_tab_or_return_are_text_in_the_csv(period_data):
    """OWASP's list: a tab or carriage return before a formula also makes spreadsheets run it."""
    from portal.reports.exports import export_csv

    for name in ("\t=1+1", "\r=1+1", "@SUM(1)"):
        make_article(
            author_name=name,
            campaigns=[period_data["campaign"]],
            published_at=timezone.now() - datetime.timedelta(hours=1),
        )
    rows = list(csv.reader(io.StringIO(export_csv(build_report(**period_data)).decode("utf-8-sig"))))
    authors = {row[0] for row in rows if len(row) == 3}
    assert {"'\t=1+1", "'\r=1+1", "'@SUM(1)"} <= authors, authors


def test_control_characters_in_names_do_not_break_the_excel_export(client, editor, period_data):
    make_article(
        author_name="T.\x0bHùng",
        campaigns=[period_data["campaign"]],
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )
    client.force_login(editor)
    params = {"start": period_data["start"], "end": period_data["end"], "format": "xlsx"}
    response = client.get(reverse("reports:leadership"), params)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content))["Theo tác giả"]
    assert "T. Hùng" in [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_report_queries_do_not_grow_with_records(client, administrator, period_data, django_assert_max_num_queries):
    for _ in range(10):
        make_award(campaign=period_data["campaign"], decided_on=period_data["end"])
        make_good_model(campaigns=[period_data["campaign"]])
    client.force_login(administrator)
    params = {"start": period_data["start"], "end": period_data["end"], "campaign": period_data["campaign"].pk}
    client.get(reverse("reports:leadership"), params)  # the site-wide blocks are cached by the first request
    with django_assert_max_num_queries(13):  # + the notification bell's unread count
        assert client.get(reverse("reports:leadership"), params).status_code == 200


@pytest.mark.parametrize("export", ["xlsx", "csv", "print", "pdf"])
def test_writers_read_the_report_but_do_not_export_it(client, writer, period_data, export):
    client.force_login(writer)
    params = {"start": period_data["start"], "end": period_data["end"]}
    page = client.get(reverse("reports:leadership"), params)
    assert page.status_code == 200
    assert "format=xlsx" not in page.content.decode() and 'value="pdf"' not in page.content.decode()
    response = client.get(reverse("reports:leadership"), {**params, "format": export})
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/html")
    assert "Chỉ biên tập viên và quản trị viên được tải hoặc in báo cáo." in response.content.decode()
