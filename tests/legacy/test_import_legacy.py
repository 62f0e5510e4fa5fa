"""``import_legacy``: published articles, bad files reported, campaigns linked, idempotent, dry run saves nothing."""

import datetime
import io
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from news.models import Article
from tests.factories import make_campaign, make_category

SAMPLES = Path(__file__).parent / "samples"
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
GOOD_FILES = 8
BAD_FILES = {"hong-ma-ky-tu.txt": "không phải mã UTF-8", "khong-co-ngay.html": "Không tìm thấy thời gian đăng"}


def hanoi(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=HANOI)


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
        assert "Chương trình: 03-CT/TW (chưa có trong cổng)" in out  # cited, but no such campaign here
        assert "khong-co-ngay.html" in err
        assert "Chạy thử: không lưu gì." in out

    def test_dry_run_takes_the_articles_own_time_and_links_what_the_text_cites(self):
        directives = {code: make_campaign(code=code) for code in ("03-CT/TW", "05-CT/TW", "30-CT/TW")}
        make_campaign(code="03-KL/TW", kind="ket-luan")  # another kind with number 03: "Chỉ thị 03" is still one
        out, err = run(str(SAMPLES / "dong-ho-dau-trang-chi-thi-03.html"), "--dry-run")
        assert not err and not Article.objects.exists()
        assert "Thời gian đăng: 12/03/2016 08:30" in out  # not the header's clock, 27/04/2024 19:47
        assert "Lượt xem: 1.204" in out
        assert "Chương trình: 03-CT/TW, 05-CT/TW, 30-CT/TW\n" in out
        run(str(SAMPLES / "dong-ho-dau-trang-chi-thi-03.html"))
        article = Article.objects.get()
        assert article.published_at == hanoi(2016, 3, 12, 8, 30)
        assert set(article.campaigns.all()) == set(directives.values())

    def test_a_number_written_without_its_zero_and_a_short_citation_link_their_campaigns(self):
        directive = make_campaign(code="05-CT/TW")
        conclusion = make_campaign(code="01-KL/TW", kind="ket-luan")
        out, _err = run(str(SAMPLES / "dong-ho-dau-trang-5-ct-tw.txt"), "--dry-run")
        assert "Thời gian đăng: 05/09/2018 16:20" in out
        assert "Chương trình: 05-CT/TW, 01-KL/TW\n" in out
        run(str(SAMPLES / "dong-ho-dau-trang-5-ct-tw.txt"))
        assert set(Article.objects.get().campaigns.all()) == {directive, conclusion}

    def test_a_short_citation_that_fits_two_campaigns_links_neither(self):
        make_campaign(code="03-CT/TW")
        make_campaign(code="03-CT/TU")
        out, _err = run(str(SAMPLES / "dong-ho-dau-trang-chi-thi-03.html"), "--dry-run")
        assert "Chỉ thị 03 (chưa có trong cổng)" in out

    def test_the_campaign_option_links_every_article(self):
        campaign = make_campaign(code="01-KL/TW", kind="ket-luan")
        run(str(SAMPLES / "thu-ba-hoi-thi-ke-chuyen.html"), "--campaign", "1/kl-tw")
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


@pytest.mark.django_db
def test_the_report_names_the_source_once():
    out, _err = run(str(SAMPLES / "dang-ngay-chi-bo-van-phong.html"), "--dry-run")
    assert "  Nguồn: Thông tin công tác Tuyên giáo" in out
    assert "Nguồn: Nguồn" not in out
