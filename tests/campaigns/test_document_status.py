"""Documents in force, expired or replaced (Decree 42/2022/NĐ-CP): the rule, the library's filters, the page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from campaigns.models import Document
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def replace(old: Document, new: Document) -> None:
    old.status, old.replaced_by = Document.Status.REPLACED, new
    old.save()


def test_a_replaced_document_must_name_its_replacement():
    document = make_document()
    document.status = Document.Status.REPLACED
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "replaced_by" in error.value.message_dict
    with transaction.atomic(), pytest.raises(IntegrityError):
        document.save()


def test_a_replacement_needs_the_replaced_status_and_is_never_the_document_itself():
    document, newer = make_document(), make_document()
    document.replaced_by = newer
    with pytest.raises(ValidationError) as error:
        document.full_clean()
    assert "status" in error.value.message_dict
    document.status, document.replaced_by = Document.Status.REPLACED, document
    with pytest.raises(ValidationError):
        document.full_clean()
    with transaction.atomic(), pytest.raises(IntegrityError):
        document.save()


def test_the_new_kinds_exist_with_vietnamese_names():
    labels = dict(Document.Kind.choices)
    for kind in ("Thông báo", "Quy định", "Quy chế", "Chương trình", "Đề án", "Báo cáo"):
        assert kind in labels.values()


def test_in_force_leaves_out_expired_and_replaced_documents():
    current, expired, old = make_document(), make_document(status=Document.Status.EXPIRED), make_document()
    replace(old, current)
    assert list(Document.objects.in_force()) == [current]
    assert current.is_effective() and not expired.is_effective() and not old.is_effective()


def test_a_future_effective_date_is_not_yet_in_effect():
    document = make_document(effective_on=datetime.date(2999, 1, 1))
    assert not document.is_effective() and document.is_not_yet_effective


def test_the_library_filters_by_status_and_by_kind(client):
    current = make_document("08-QC/ĐU", kind=Document.Kind.RULES, abstract="Quy chế làm việc nhiệm kỳ mới")
    old = make_document("05-QC/ĐU", kind=Document.Kind.RULES, abstract="Quy chế làm việc nhiệm kỳ cũ")
    replace(old, current)
    make_document("15-TB/ĐU", kind=Document.Kind.NOTICE, abstract="Thông báo kết luận của Ban Thường vụ")
    url = reverse("campaigns:document-list")

    replaced = client.get(url, {"status": "bi-thay-the"}).content.decode()
    assert "05-QC/ĐU" in replaced and "08-QC/ĐU" not in replaced and "15-TB/ĐU" not in replaced
    in_force = client.get(url, {"status": "con-hieu-luc", "kind": "quy-che"}).content.decode()
    assert "08-QC/ĐU" in in_force and "05-QC/ĐU" not in in_force and "15-TB/ĐU" not in in_force
    notices = client.get(url, {"kind": "thong-bao"}).content.decode()
    assert "15-TB/ĐU" in notices and "QC/ĐU" not in notices
    assert "Bị thay thế" in client.get(url).content.decode()


def test_an_unknown_status_is_dropped_with_an_error_not_a_failure(client):
    make_document("15-TB/ĐU", kind=Document.Kind.NOTICE)
    response = client.get(reverse("campaigns:document-list"), {"status": "khong-co"})
    assert response.status_code == 200
    assert "15-TB/ĐU" in response.content.decode()


def test_the_document_page_links_the_replacement_both_ways(client, django_assert_max_num_queries):
    current = make_document("08-QC/ĐU", subject="Xây dựng Đảng", effective_on=datetime.date(2020, 11, 10))
    old = make_document("05-QC/ĐU")
    replace(old, current)

    old_page = client.get(old.get_absolute_url()).content.decode()
    assert "Bị thay thế bởi" in old_page and current.get_absolute_url() in old_page
    with django_assert_max_num_queries(12):
        new_page = client.get(current.get_absolute_url()).content.decode()
    assert "Thay thế văn bản" in new_page and old.get_absolute_url() in new_page
    assert "Còn hiệu lực" in new_page and "Xây dựng Đảng" in new_page and "10/11/2020" in new_page


def test_the_admin_edits_status_and_replacement(admin_client):
    current, old = make_document("08-QC/ĐU"), make_document("05-QC/ĐU")
    page = admin_client.get(reverse("admin:campaigns_document_change", args=[old.pk])).content.decode()
    assert "tình trạng hiệu lực" in page.lower() and "bị thay thế bởi" in page.lower()
    replace(old, current)
    page = admin_client.get(reverse("admin:campaigns_document_change", args=[current.pk])).content.decode()
    assert "05-QC/ĐU" in page  # "thay thế các văn bản", the other side
    listing = admin_client.get(reverse("admin:campaigns_document_changelist"), {"status__exact": "bi-thay-the"})
    assert "05-QC/ĐU" in listing.content.decode()
