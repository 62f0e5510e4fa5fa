import pytest

from campaigns.numbers import find_document_numbers, number_key


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
