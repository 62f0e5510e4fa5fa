"""Campaign documents: PDFs only (by content), size-limited, served as attachments with a safe type and name."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from campaigns.models import Document
from campaigns.validators import DocumentFileValidator
from tests.factories import make_campaign, make_issuer

pdf_bytes = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("chi-thi-05.pdf", b"<html><script>alert(1)</script></html>", "bad_content"),
        ("chi-thi-05.pdf.exe", b"MZ\x90\x00", "bad_extension"),
        ("chi-thi-05.html", pdf_bytes, "bad_extension"),
    ],
)
def test_only_real_pdfs_are_accepted(name, content, code):
    with pytest.raises(ValidationError) as error:
        DocumentFileValidator(allowed=("pdf",))(SimpleUploadedFile(name, content))
    assert error.value.code == code


def test_an_oversized_pdf_is_refused_with_a_vietnamese_message():
    big = SimpleUploadedFile("lon.pdf", pdf_bytes + b"0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as error:
        DocumentFileValidator(allowed=("pdf",), max_mb=1)(big)
    assert "Tệp quá lớn: tối đa 1 MB." in error.value.messages


@pytest.mark.django_db
def test_the_campaign_pdf_is_an_attachment_with_an_ascii_name(client):
    campaign = make_campaign(code="05-CT/TW")
    campaign.document.save("Chỉ thị số 05 – bản gốc.pdf", ContentFile(pdf_bytes))
    html = client.get(campaign.get_absolute_url()).content.decode()
    url = reverse("campaigns:campaign-document", args=[campaign.slug])
    assert url in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="05-ct-tw.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == pdf_bytes


@pytest.mark.django_db
def test_a_stored_file_that_is_not_what_its_name_says_is_not_served(client):
    campaign = make_campaign(code="01-KL/TW")
    campaign.document.save("ket-luan.pdf", ContentFile(b"<html><script>alert(1)</script>"))
    response = client.get(reverse("campaigns:campaign-document", args=[campaign.slug]))
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_directing_document_downloads_under_its_number(client):
    document = Document.objects.create(
        kind="ke-hoach", number="185-KH/ĐU", issuer=make_issuer(), issued_on="2021-07-27", abstract="Kế hoạch"
    )
    document.file.save("ke hoach.pdf", ContentFile(pdf_bytes))
    response = client.get(reverse("campaigns:document-file", args=[document.slug]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ke-hoach-185-kh-du.pdf"'
    assert client.get(reverse("campaigns:document-file", args=["khong-co"])).status_code == 404
