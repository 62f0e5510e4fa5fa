"""Rules of the emulation records and the document library."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from campaigns.models import Award, Document, Theme
from tests.factories import (
    make_award,
    make_campaign,
    make_document,
    make_exemplar,
    make_good_model,
    make_issuer,
    make_theme,
    make_unit,
)

pytestmark = pytest.mark.django_db


def test_revoked_awards_leave_public_lists_but_stay_on_record():
    valid = make_award(prize="Giải Nhất")
    revoked = make_award(
        status=Award.Status.REVOKED, revoked_by_number="88/QĐ-UBND", revoked_on=datetime.date(2024, 1, 5)
    )
    assert list(Award.objects.public()) == [valid]
    assert set(Award.objects.all()) == {valid, revoked}


def test_an_award_has_exactly_one_recipient():
    unit = make_unit()
    good_model = make_good_model(unit=unit)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(good_model=good_model, unit=unit)
    issuer = make_issuer()
    with pytest.raises(IntegrityError), transaction.atomic():
        Award.objects.create(
            form=Award.Form.CERTIFICATE,
            issuer=issuer,
            decision_number="1/QĐ",
            decided_on="2023-01-01",
            level=Award.Level.DEPARTMENT,
            year=2023,
        )
    award = make_award(unit=unit)
    assert award.recipient == unit


def test_a_revoked_award_names_the_revoking_decision():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_award(status=Award.Status.REVOKED)
    award = make_award()
    award.status = Award.Status.REVOKED
    with pytest.raises(ValidationError) as error:
        award.full_clean()
    assert "hủy bỏ" in str(error.value)


def test_one_theme_per_campaign_year_scope_and_issuer():
    campaign = make_campaign()
    province = make_issuer("Tỉnh ủy Long An")
    make_theme(campaign, year=2022, scope=Theme.Scope.PROVINCIAL, issuer=province)
    # Two provinces may study different themes in the same year, and the department its own.
    make_theme(campaign, year=2022, scope=Theme.Scope.PROVINCIAL, issuer=make_issuer("Tỉnh ủy Bến Tre"))
    make_theme(campaign, year=2022, scope=Theme.Scope.DEPARTMENT, issuer=province)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(campaign, year=2022, scope=Theme.Scope.PROVINCIAL, issuer=province, title="Chuyên đề thứ hai")
    assert campaign.themes.count() == 3


def test_slugs_are_ascii_and_unique():
    first = make_good_model("Nụ cười tiếp dân")
    second = make_good_model("Nụ cười tiếp dân")
    assert first.slug == "nu-cuoi-tiep-dan" and second.slug == "nu-cuoi-tiep-dan-2"
    assert make_exemplar("Đảng viên Đỗ Thị Đào").slug == "dang-vien-do-thi-dao"


def test_document_search_ignores_diacritics_and_finds_number_issuer_and_abstract():
    party = make_issuer("Đảng ủy Sở Tài nguyên và Môi trường", short_name="ĐU")
    plan = make_document("185-KH/ĐU", issuer=party, abstract="Kế hoạch thực hiện Kết luận 01-KL/TW giai đoạn 2021-2025")
    letter = make_document(
        "4379/UBND-TH",
        issuer=make_issuer("Ủy ban nhân dân tỉnh"),
        kind=Document.Kind.OFFICIAL_LETTER,
        abstract="Về tổ chức hội thi tìm hiểu",
    )
    assert list(Document.objects.search("ke hoach 2021")) == [plan]
    assert list(Document.objects.search("KẾ HOẠCH")) == [plan]
    assert list(Document.objects.search("dang uy so")) == [plan]
    assert list(Document.objects.search("uy ban nhan dan")) == [letter]
    assert list(Document.objects.search("185-kh/du")) == [plan]
    assert list(Document.objects.search("185/KH-ĐU")) == [plan]  # written the other way round
    assert list(Document.objects.search("hội thi tìm hiểu")) == [letter]
    assert not Document.objects.search("nghị quyết").exists()
    assert Document.objects.search("  ").count() == 2


def test_a_renamed_issuer_is_found_by_its_new_name():
    issuer = make_issuer("Ban Tuyên giáo Trung ương")
    document = make_document("16-HD/BTGTW", issuer=issuer)
    issuer.name = "Ban Tuyên giáo và Dân vận Trung ương"
    issuer.save()
    assert list(Document.objects.search("tuyen giao va dan van")) == [document]


def test_documents_are_found_by_number_however_written():
    document = make_document("05-CT/TW")
    assert list(Document.objects.with_number("Chỉ thị 05/CT-TW")) == [document]
    assert not Document.objects.with_number("không có số").exists()
