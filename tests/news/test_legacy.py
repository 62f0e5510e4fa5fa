"""Importing the old portal's articles: every time form, counters, authors, sources, campaigns; idempotent."""

import datetime
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from news.legacy import campaign_codes, parse_legacy_file, parse_time, parse_views
from news.models import Article
from tests.factories import make_campaign, make_category

SAMPLES = Path(__file__).parent / "legacy_samples"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
GOOD_FILES = 6
BAD_FILES = {"hong-ma-ky-tu.txt": "không phải mã UTF-8", "khong-co-ngay.html": "Không tìm thấy thời gian đăng"}


def hanoi(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=HANOI)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đăng ngày 18 - 08 - 2020", hanoi(2020, 8, 18)),
        ("11/02/2019 10:32", hanoi(2019, 2, 11, 10, 32)),
        ("Thứ ba, 03/02/2015 - 14:56'", hanoi(2015, 2, 3, 14, 56)),
        ("Cập nhật: 28-05-2015 | 07:51:47", hanoi(2015, 5, 28, 7, 51, 47)),
        ("20/05/2022 - 15:17", hanoi(2022, 5, 20, 15, 17)),
        ("(11/08/2023 2:47 CH)", hanoi(2023, 8, 11, 14, 47)),
        ("(11/08/2023 9:05 SA)", hanoi(2023, 8, 11, 9, 5)),
        ("(01/01/2024 12:10 SA)", hanoi(2024, 1, 1, 0, 10)),
        ("(01/01/2024 12:10 CH)", hanoi(2024, 1, 1, 12, 10)),
        ("Chủ nhật, 5/3/2017", hanoi(2017, 3, 5)),
        ("31/02/2020 rồi 01/03/2020 08:00", hanoi(2020, 3, 1, 8, 0)),  # an impossible date is skipped
        ("Không có ngày nào ở đây", None),
    ],
)
def test_every_time_form_of_the_old_portals(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Lượt xem: 287", 287), ("Lượt xem 531", 531), ("lượt xem: 1.941.765", 1941765), ("Không có", None)],
)
def test_view_counters(text, expected):
    assert parse_views(text) == expected


def test_campaigns_named_in_the_text():
    text = "Thực hiện Chỉ thị số 05-CT/TW và Kết luận 01-KL/TW, tiếp nối Chỉ thị 03-CT/TW; lại Chỉ thị số 05-CT/TW."
    assert campaign_codes(text) == ["05-CT/TW", "01-KL/TW", "03-CT/TW"]


SAMPLE_EXPECTATIONS = {
    "dang-ngay-chi-bo-van-phong.html": {
        "title": "Chi bộ Văn phòng sinh hoạt chuyên đề học tập và làm theo Bác năm 2020",
        "published_at": hanoi(2020, 8, 18),
        "view_count": 287,
        "author": "T. Hùng",
        "source": "Nguồn: Thông tin công tác Tuyên giáo",
        "campaign_codes": ["05-CT/TW"],
        "captions": ["Quang cảnh buổi sinh hoạt chuyên đề. Ảnh: Minh Thư"],
    },
    "gio-phut-nu-cuoi-tiep-dan.txt": {
        "title": 'Mô hình "Nụ cười tiếp dân" được nhân rộng trong toàn Sở',
        "published_at": hanoi(2019, 2, 11, 10, 32),
        "view_count": 531,
        "author": "HẢI AN",
        "source": "Theo Báo Long An",
        "campaign_codes": ["01-KL/TW", "05-CT/TW"],
        "captions": ["Quầy tiếp dân của Văn phòng đăng ký đất đai. Ảnh: Lâm Anh"],
    },
    "thu-ba-hoi-thi-ke-chuyen.html": {
        "title": "Hội thi kể chuyện về tấm gương đạo đức Hồ Chí Minh năm 2015",
        "published_at": hanoi(2015, 2, 3, 14, 56),
        "view_count": 1941,
        "author": "TRÍ DŨNG",
        "source": "",
        "campaign_codes": ["03-CT/TW"],
        "captions": [],
    },
    "cap-nhat-nghi-quyet-tw4.html": {
        "title": "Đảng bộ Sở kiểm điểm việc thực hiện Nghị quyết Trung ương 4",
        "published_at": hanoi(2015, 5, 28, 7, 51, 47),
        "view_count": 0,
        "author": "Thanh Tâm",
        "source": "",
        "campaign_codes": ["03-CT/TW"],
        "captions": ["Đồng chí Bí thư Đảng ủy phát biểu tại hội nghị. (Ảnh: P.V)"],
    },
    "gach-ngang-dan-van-kheo.txt": {
        "title": 'Phong trào "Dân vận khéo" ở Chi bộ Đo đạc bản đồ',
        "published_at": hanoi(2022, 5, 20, 15, 17),
        "view_count": 96,
        "author": "Ngọc Hân",
        "source": "",
        "campaign_codes": ["30-CT/TW"],
        "captions": [],
    },
    "sa-ch-tong-ket.html": {
        "title": "Đảng ủy Sở tổng kết 10 năm thực hiện Chỉ thị 03 và 5 năm thực hiện Chỉ thị 05",
        "published_at": hanoi(2023, 8, 11, 14, 47),
        "view_count": 0,
        "author": "",
        "source": "Theo Ban Tuyên giáo Tỉnh ủy",
        "campaign_codes": ["01-KL/TW"],
        "captions": [],
    },
}


@pytest.mark.parametrize("name", SAMPLE_EXPECTATIONS)
def test_each_sample_reads_as_the_old_portal_showed_it(name):
    found = parse_legacy_file(SAMPLES / name)
    for attribute, expected in SAMPLE_EXPECTATIONS[name].items():
        assert getattr(found, attribute) == expected, attribute
    assert found.lead and found.paragraphs


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


# --- the command ----------------------------------------------------------------------------------------------


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_legacy", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
class ImportCommandTests:
    def test_imports_published_articles_reports_bad_files_and_links_campaigns(self):
        directive = make_campaign(code="05-CT/TW")
        conclusion = make_campaign(code="01-KL/TW", kind="ket-luan")
        category = make_category("Tin hoạt động")
        out, err = run(str(SAMPLES), "--category", category.slug)
        assert Article.objects.count() == GOOD_FILES
        for name, reason in BAD_FILES.items():
            assert name in err and reason in err
        assert f"Đã tạo {GOOD_FILES} bài, 0 bài đã có từ trước, 2 tệp lỗi." in out
        article = Article.objects.get(title__startswith='Mô hình "Nụ cười tiếp dân"')
        assert article.status == Article.Status.PUBLISHED
        assert article.published_at == hanoi(2019, 2, 11, 10, 32)
        assert (article.view_count, article.author_name, article.source) == (531, "HẢI AN", "Theo Báo Long An")
        assert article.category == category
        assert set(article.campaigns.all()) == {directive, conclusion}
        assert article.slug == "mo-hinh-nu-cuoi-tiep-dan-duoc-nhan-rong-trong-toan-so"
        assert article in Article.objects.published()

    def test_running_twice_creates_nothing_twice(self):
        run(str(SAMPLES))
        out, _err = run(str(SAMPLES))
        assert Article.objects.count() == GOOD_FILES
        assert f"Đã tạo 0 bài, {GOOD_FILES} bài đã có từ trước, 2 tệp lỗi." in out

    def test_dry_run_prints_what_it_found_and_changes_nothing(self):
        out, err = run(str(SAMPLES / "thu-ba-hoi-thi-ke-chuyen.html"), str(SAMPLES / "khong-co-ngay.html"), "--dry-run")
        assert not Article.objects.exists()
        assert "Tiêu đề: Hội thi kể chuyện về tấm gương đạo đức Hồ Chí Minh năm 2015" in out
        assert "Thời gian đăng: 03/02/2015 14:56" in out
        assert "Lượt xem: 1.941" in out
        assert "Tác giả: TRÍ DŨNG" in out
        assert "Chương trình: 03-CT/TW (chưa có trong cổng)" in out
        assert "khong-co-ngay.html" in err
        assert "Chạy thử: không lưu gì." in out

    def test_the_campaign_option_links_every_article(self):
        campaign = make_campaign(code="01-KL/TW", kind="ket-luan")
        run(str(SAMPLES / "thu-ba-hoi-thi-ke-chuyen.html"), "--campaign", "01-kl/tw")
        assert list(Article.objects.get().campaigns.all()) == [campaign]

    @pytest.mark.parametrize(("option", "value"), [("--category", "khong-co"), ("--campaign", "99-CT/TW")])
    def test_unknown_category_or_campaign_stops_before_anything(self, option, value):
        with pytest.raises(CommandError):
            run(str(SAMPLES), option, value)
        assert not Article.objects.exists()

    def test_a_missing_path_is_reported_and_the_rest_imported(self, tmp_path):
        _out, err = run(str(tmp_path / "khong-ton-tai.html"), str(SAMPLES / "gach-ngang-dan-van-kheo.txt"))
        assert "Không tìm thấy tệp." in err
        assert Article.objects.count() == 1
