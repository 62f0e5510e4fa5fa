"""The leadership report as a Party document: the printable page and its PDF, with heading and signature."""

import datetime
import io
import re

import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_article, make_award, make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def params():
    today = timezone.localdate()
    campaign = make_campaign(code="05-CT/TW")
    # Dated explicitly: the factory's default time moves back an hour per article made before, whatever ran first.
    make_article("Bài trong kỳ", campaigns=[campaign], view_count=1234, published_at=timezone.now())
    make_award(campaign=campaign, decided_on=today - datetime.timedelta(days=2))
    return {
        "start": today - datetime.timedelta(days=30),
        "end": today,
        "campaign": campaign.pk,
        "number": "45-BC/ĐU",
        "subject": "kết quả học tập và làm theo Bác quý IV",
        "on_behalf": "T/M ĐẢNG ỦY",
        "signer_title": "BÍ THƯ",
        "signer_name": "Nguyễn Văn Bình",
        "recipients": "- Đảng ủy Khối,\n- Lưu VP.",
    }


def test_the_printable_report_has_the_heading_place_date_and_signature(client, editor, params, settings):
    settings.REPORT_SUPERIOR_BODY = "Đảng bộ Khối các cơ quan tỉnh Long An"
    settings.REPORT_PLACE = "Long An"
    client.force_login(editor)
    response = client.get(reverse("reports:leadership"), {**params, "format": "print"})
    assert response.status_code == 200
    html = response.content.decode()
    today = timezone.localdate()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in html
    assert "Đảng bộ Khối các cơ quan tỉnh Long An" in html
    assert "Số 45-BC/ĐU" in html
    assert "V/v kết quả học tập và làm theo Bác quý IV" in html
    assert f"Long An, ngày {today:%d} tháng {today:%m} năm {today:%Y}" in html
    assert "Nguyễn Văn Bình" in html and "T/M ĐẢNG ỦY" in html
    assert "- Đảng ủy Khối," in html and "- Lưu VP." in html
    assert "1.234" in html  # the figures, written the Vietnamese way
    back = re.search(r'<a href="\?([^"]*)" id="back-to-report"', html)[1]
    assert "format=" not in back and "start=" in back


def test_empty_document_fields_leave_blanks_and_defaults(client, editor, params):
    client.force_login(editor)
    bare = {key: params[key] for key in ("start", "end", "campaign")}
    html = client.get(reverse("reports:leadership"), {**bare, "format": "print"}).content.decode()
    assert "Số ……" in html
    assert "BÍ THƯ" in html and "T/M ĐẢNG ỦY" in html
    assert "V/v" not in html


def test_the_pdf_is_a_pdf_with_the_reports_text(client, editor, params):
    client.force_login(editor)
    response = client.get(reverse("reports:leadership"), {**params, "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="bao-cao-thi-dua-')
    assert response.content.startswith(b"%PDF-")
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Nguyễn Văn Bình" in text
    assert "45-BC/ĐU" in text


def test_a_too_long_document_field_is_a_form_error_not_a_document(client, editor, params):
    client.force_login(editor)
    response = client.get(reverse("reports:leadership"), {**params, "number": "x" * 41, "format": "pdf"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "Hãy sửa các ô của phần in báo cáo." in response.content.decode()
