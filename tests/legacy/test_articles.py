"""Reading the saved samples: title, time, counters, author, source, lead, body, captions and cited documents."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from campaigns.numbers import Citation
from news.legacy.articles import parse_legacy_file

SAMPLES = Path(__file__).parent / "samples"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def hanoi(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=HANOI)


SAMPLE_EXPECTATIONS = {
    "dang-ngay-chi-bo-van-phong.html": {
        "title": "Chi bộ Văn phòng sinh hoạt chuyên đề học tập và làm theo Bác năm 2020",
        "published_at": hanoi(2020, 8, 18),
        "view_count": 287,
        "author": "T. Hùng",
        "source": "Nguồn: Thông tin công tác Tuyên giáo",
        "citations": ["05-CT/TW"],
        "captions": ["Quang cảnh buổi sinh hoạt chuyên đề. Ảnh: Minh Thư"],
    },
    "gio-phut-nu-cuoi-tiep-dan.txt": {
        "title": 'Mô hình "Nụ cười tiếp dân" được nhân rộng trong toàn Sở',
        "published_at": hanoi(2019, 2, 11, 10, 32),
        "view_count": 531,
        "author": "HẢI AN",
        "source": "Theo Báo Long An",
        "citations": ["01-KL/TW", "05-CT/TW"],
        "captions": ["Quầy tiếp dân của Văn phòng đăng ký đất đai. Ảnh: Lâm Anh"],
    },
    "thu-ba-hoi-thi-ke-chuyen.html": {
        "title": "Hội thi kể chuyện về tấm gương đạo đức Hồ Chí Minh năm 2015",
        "published_at": hanoi(2015, 2, 3, 14, 56),
        "view_count": 1941,
        "author": "TRÍ DŨNG",
        "source": "",
        "citations": ["03-CT/TW"],
        "captions": [],
    },
    "cap-nhat-nghi-quyet-tw4.html": {
        "title": "Đảng bộ Sở kiểm điểm việc thực hiện Nghị quyết Trung ương 4",
        "published_at": hanoi(2015, 5, 28, 7, 51, 47),
        "view_count": 0,
        "author": "Thanh Tâm",
        "source": "",
        "citations": ["03-CT/TW"],
        "captions": ["Đồng chí Bí thư Đảng ủy phát biểu tại hội nghị. (Ảnh: P.V)"],
    },
    "gach-ngang-dan-van-kheo.txt": {
        "title": 'Phong trào "Dân vận khéo" ở Chi bộ Đo đạc bản đồ',
        "published_at": hanoi(2022, 5, 20, 15, 17),
        "view_count": 96,
        "author": "Ngọc Hân",
        "source": "",
        "citations": ["30-CT/TW"],
        "captions": [],
    },
    "sa-ch-tong-ket.html": {
        "title": "Đảng ủy Sở tổng kết 10 năm thực hiện Chỉ thị 03 và 5 năm thực hiện Chỉ thị 05",
        "published_at": hanoi(2023, 8, 11, 14, 47),
        "view_count": 0,
        "author": "",
        "source": "Theo Ban Tuyên giáo Tỉnh ủy",
        "citations": ["Chỉ thị 03", "Chỉ thị 05", "01-KL/TW"],
        "captions": [],
    },
    # Below: pages saved with the site's running clock ("Thứ bảy, 27/04/2024, 19:47 [GMT+7]") above the article.
    "dong-ho-dau-trang-chi-thi-03.html": {
        "title": "Chi bộ Thanh tra sinh hoạt chuyên đề về trách nhiệm nêu gương của người đứng đầu",
        "published_at": hanoi(2016, 3, 12, 8, 30),
        "view_count": 1204,
        "author": "MINH KHÔI",
        "source": "",
        # Not "chỉ thị của Bộ", "năm 2016" nor "ngày 03/02/2015".
        "citations": ["Chỉ thị 03", "05/CT-TW", "30/CT-TW"],
        "captions": [],
    },
    "dong-ho-dau-trang-5-ct-tw.txt": {
        "title": "Đảng ủy Sở sơ kết hai năm thực hiện Chỉ thị 5-CT/TW",
        "published_at": hanoi(2018, 9, 5, 16, 20),
        "view_count": 342,
        "author": "Quang Minh",
        "source": "",
        "citations": ["5-CT/TW", "Kết luận 01"],
        "captions": [],
    },
}


def read(name: str) -> dict:
    found = parse_legacy_file(SAMPLES / name)
    values = {attribute: getattr(found, attribute) for attribute in SAMPLE_EXPECTATIONS[name]}
    values["citations"] = [citation.written for citation in found.citations]
    return values


@pytest.mark.parametrize("name", SAMPLE_EXPECTATIONS)
def test_each_sample_reads_as_the_old_portal_showed_it(name):
    assert read(name) == SAMPLE_EXPECTATIONS[name]
    found = parse_legacy_file(SAMPLES / name)
    assert found.lead and found.paragraphs


def test_citations_carry_the_key_the_campaigns_compare():
    found = parse_legacy_file(SAMPLES / "dong-ho-dau-trang-chi-thi-03.html")
    assert found.citations == [
        Citation("Chỉ thị 03", kind="chi-thi", number="3"),
        Citation("05/CT-TW", key="5-CT-TW"),
        Citation("30/CT-TW", key="30-CT-TW"),
    ]


@pytest.mark.parametrize("name", SAMPLE_EXPECTATIONS)
def test_the_rest_of_the_old_page_is_left_out(name):
    found = parse_legacy_file(SAMPLES / name)
    text = " ".join([found.title, found.lead, *found.paragraphs, *found.captions])
    for unwanted in (
        "Trang chủ",
        "Tin liên quan",
        "Tin khác",
        "Bình luận",
        "bình luận",
        "Số lượt truy cập",
        "đang online",
        "THƯỜNG XUYÊN",
        "Thăm dò ý kiến",
        "Chia sẻ",
        "Lượt xem",
        "100%",
        "Đảng ủy Sở tổng kết năm 2019",  # a related article's title
        "Ra mắt mô hình mới",
        "GMT+7",
        "Đăng nhập",
        "27/04/2024",
    ):
        assert unwanted not in text, unwanted


def test_the_lead_and_body_of_a_sample():
    found = parse_legacy_file(SAMPLES / "gio-phut-nu-cuoi-tiep-dan.txt")
    assert found.lead.startswith("(BLC) - Sau hai năm thực hiện Kết luận 01-KL/TW")
    assert found.paragraphs == [
        "Mô hình bắt đầu từ một tổ tiếp nhận hồ sơ gồm 5 đảng viên trẻ, cam kết trả lời mọi câu hỏi của người dân "
        "trong ngày.",
        "Đến nay, mô hình đã được các chi bộ khác học tập, góp phần thực hiện Chỉ thị 05-CT/TW tại cơ sở.",
    ]
    assert "<p><em>Quầy tiếp dân của Văn phòng đăng ký đất đai. Ảnh: Lâm Anh</em></p>" in found.body_html()
