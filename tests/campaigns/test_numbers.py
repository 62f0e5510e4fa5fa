import unicodedata

import pytest

from campaigns.models import Campaign, Document
from campaigns.numbers import CITED_KINDS, Citation, find_citations, find_document_numbers, number_key
from tests.factories import make_campaign


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị", ["5-CT-TW"]),
        ("theo Chỉ thị 05/CT-TW ngày 15/5/2016", ["5-CT-TW"]),
        ("Kế hoạch số 185-KH/ĐU của Đảng ủy Sở", ["185-KH-DU"]),
        ("Công văn 4379/UBND-TH, Công văn số 1027-CV/TU.", ["4379-UBND-TH", "1027-CV-TU"]),
        ("Nghị định 42/2022/NĐ-CP và Hướng dẫn 16-HD/BTGTW", ["42-2022-ND-CP", "16-HD-BTGTW"]),
        ("Kết luận 01-KL/TW; nhắc lại Kết luận 01-KL/TW", ["1-KL-TW"]),
    ],
)
def test_numbers_are_found_in_text_and_normalised(text, keys):
    assert find_document_numbers(text) == keys


@pytest.mark.parametrize(
    "text",
    ["ngày 15/5/2016", "giai đoạn 2021-2025", "1.900 trường hợp, 95%", "Chỉ thị 05", "số 12/2023", "mã 05-ct/tw"],
)
def test_dates_figures_and_bare_numbers_are_not_document_numbers(text):
    assert find_document_numbers(text) == []


def test_every_way_of_writing_a_number_gives_the_stored_key():
    assert number_key("05-CT/TW") == number_key("05/CT-TW") == number_key("5-ct/tw") == number_key(" 05 - CT / TW ")
    assert number_key("185-KH/ĐU") == "185-KH-DU"
    assert number_key("4379/UBND-TH") != number_key("4379/UBND-KT")
    assert number_key("KH/ĐU") == "" and number_key("2021") == ""


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Thực hiện Chỉ thị 03 của Bộ Chính trị", ["Chỉ thị 03"]),
        ("theo Chỉ thị số 05 và Kết luận 01", ["Chỉ thị 05", "Kết luận 01"]),
        ("CHỈ THỊ 05 VÀ NGHỊ QUYẾT 35", ["Chỉ thị 05", "Nghị quyết 35"]),
        ("theo chỉ thị số 05", ["Chỉ thị 05"]),
        ("Chỉ thị số 05 năm 2016", ["Chỉ thị 05"]),
        ("Chỉ thị 03, 05 và 10", ["Chỉ thị 03"]),
        # A full number is read as one, never as a short citation as well.
        ("Chỉ thị 30/CT-TW về dân chủ ở cơ sở", ["30/CT-TW"]),
        ("Chỉ thị 5-CT/TW và Chỉ thị số 05 - CT/TW", ["5-CT/TW"]),
        # A short citation sits where the text cites it.
        ("Kết luận 01 rồi Chỉ thị 05/CT-TW", ["Kết luận 01", "05/CT-TW"]),
        # Letters saved decomposed (NFD) by an old editor still read.
        (unicodedata.normalize("NFD", "Chỉ thị 03"), ["Chỉ thị 03"]),
    ],
)
def test_short_citations_name_a_kind_and_a_number(text, written):
    assert [citation.written for citation in find_citations(text)] == written


@pytest.mark.parametrize(
    "text",
    [
        "chỉ thị của Bộ về công tác thanh tra",
        "Chỉ thị 03/02/2015",  # a date
        "ban hành ngày 03/02/2015",
        "Kế hoạch 2024 của Đảng ủy",  # a year
        "sau 10 năm thực hiện, Chỉ thị 10 năm qua",  # a count
        "Kết luận 95% đảng viên",
        "Hội nghị kết luận 3 vấn đề, chỉ thị 2 lần",  # verbs in lower case
        "Chỉ thị 1.900 trường hợp",
        "Nghị quyết Trung ương 4",
        "mã 05-ct/tw",
    ],
)
def test_what_is_not_a_citation(text):
    assert find_citations(text) == []


def test_a_citation_is_the_same_however_it_was_written():
    assert find_citations("Chỉ thị 05/CT-TW") == find_citations("Chỉ thị 5-CT/TW") == [Citation("", key="5-CT-TW")]
    assert find_citations("Chỉ thị số 05") == find_citations("Chỉ thị 5") == [Citation("", kind="chi-thi", number="5")]


def test_every_kind_of_numbered_campaign_and_document_can_be_cited_short():
    numbered = {*Campaign.Kind.values, *Document.Kind.values} - {Campaign.Kind.EMULATION}
    assert numbered <= set(CITED_KINDS)


@pytest.mark.django_db
class CampaignCitedTests:
    def test_full_and_short_citations_find_the_campaign_that_exists(self):
        first = make_campaign(code="03-CT/TW")
        second = make_campaign(code="05-CT/TW")
        third = make_campaign(code="30-CT/TW")
        conclusion = make_campaign(code="01-KL/TW", kind="ket-luan")
        text = "Chỉ thị 03, Chỉ thị 05/CT-TW, theo 30/CT-TW và Kết luận số 1; Chỉ thị 5-CT/TW."
        assert Campaign.objects.named_in(text) == [first, second, third, conclusion]

    def test_a_short_citation_that_fits_two_campaigns_finds_none(self):
        make_campaign(code="03-CT/TW")
        make_campaign(code="03-CT/TU")
        conclusion = make_campaign(code="03-KL/TW", kind="ket-luan")
        assert Campaign.objects.named_in("Chỉ thị 03 và Kết luận 03") == [conclusion]

    def test_a_full_number_of_another_issuer_finds_nothing(self):
        make_campaign(code="30-CT/TW")
        assert Campaign.objects.named_in("Chỉ thị 30/CT-TU") == []

    def test_by_code_reads_the_code_however_it_is_typed(self):
        directive = make_campaign(code="05-CT/TW")
        assert Campaign.objects.by_code("5/ct-tw") == directive
        assert Campaign.objects.by_code("05-CT/TU") is None
