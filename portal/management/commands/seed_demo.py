"""Fill the database with a portal that looks lived in. Safe to run twice: nothing is created twice."""

import datetime
import json
import random
from importlib import import_module
from pathlib import Path
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.html import escape

from campaigns.models import Campaign, Document, Issuer, Theme
from news.models import Article, Category
from portal.demo_images import cover_jpeg, document_pdf
from portal.site_parts.models import Slogan

CONTENT = Path(__file__).resolve().parents[2] / "demo_content" / "articles.json"

ISSUERS = {
    "BCT": ("Bộ Chính trị", "BCT"),
    "BCH": ("Ban Chấp hành Trung ương Đảng", "BCHTW"),
    "BTGTW": ("Ban Tuyên giáo Trung ương", "BTGTW"),
    "BDVTW": ("Ban Dân vận Trung ương", "BDVTW"),
    "TU": ("Tỉnh ủy Long An", "TU"),
    "BTGTU": ("Ban Tuyên giáo Tỉnh ủy Long An", "BTGTU"),
    "DU": ("Đảng ủy Sở Tài nguyên và Môi trường", "ĐU"),
}

CAMPAIGNS = [
    # key, code, kind, issuer, issued, title, current, continues, summary
    (
        "03-CT/TW",
        "03-CT/TW",
        "chi-thi",
        "BCT",
        "2011-05-14",
        "Về tiếp tục đẩy mạnh việc học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        False,
        None,
        'Chỉ thị tiếp nối cuộc vận động "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh" theo Chỉ thị '
        "06-CT/TW, đưa việc học tập và làm theo Bác thành công việc thường xuyên của mỗi tổ chức đảng.",
    ),
    (
        "05-CT/TW",
        "05-CT/TW",
        "chi-thi",
        "BCT",
        "2016-05-15",
        "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        True,
        "03-CT/TW",
        "Chỉ thị xác định học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh là nội dung quan trọng "
        "của công tác xây dựng, chỉnh đốn Đảng, gắn với trách nhiệm nêu gương của người đứng đầu.",
    ),
    (
        "01-KL/TW",
        "01-KL/TW",
        "ket-luan",
        "BCT",
        "2021-05-18",
        "Về tiếp tục thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị khóa XII",
        True,
        "05-CT/TW",
        "Kết luận yêu cầu tiếp tục thực hiện Chỉ thị 05-CT/TW, với một chuyên đề toàn khóa 2021-2025 và chuyên "
        "đề hằng năm do từng địa phương, đơn vị lựa chọn.",
    ),
    (
        "NQTW4-XII",
        "04-NQ/TW",
        "nghi-quyet",
        "BCH",
        "2016-10-30",
        "Về tăng cường xây dựng, chỉnh đốn Đảng; ngăn chặn, đẩy lùi sự suy thoái về tư tưởng chính trị, đạo đức, "
        'lối sống, những biểu hiện "tự diễn biến", "tự chuyển hóa" trong nội bộ',
        True,
        None,
        "Nghị quyết Trung ương 4 khóa XII về xây dựng, chỉnh đốn Đảng, gắn chặt với việc thực hiện Chỉ thị 05-CT/TW.",
    ),
    (
        "30-CT/TW",
        "30-CT/TW",
        "chi-thi",
        "BCT",
        "1998-02-18",
        "Về xây dựng và thực hiện Quy chế dân chủ ở cơ sở",
        False,
        None,
        "Chỉ thị của Bộ Chính trị khóa VIII về xây dựng và thực hiện quy chế dân chủ ở cơ sở.",
    ),
    (
        "DVK",
        "DVK",
        "phong-trao",
        "BDVTW",
        "2009-10-01",
        "Phong trào thi đua “Dân vận khéo”",
        True,
        None,
        "Phong trào thi đua khuyến khích cán bộ, đảng viên làm tốt công tác dân vận, gần dân, hiểu dân, "
        "giúp dân, với những mô hình cụ thể ở từng cơ quan, đơn vị.",
    ),
]

THEMES = [
    # key, campaign, start, end, scope, issuer, title, guidance
    (
        "03-2013",
        "03-CT/TW",
        2013,
        2013,
        "toan-quoc",
        "BTGTW",
        "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh về phong cách quần chúng, dân chủ, nêu gương",
        "",
    ),
    (
        "03-2014",
        "03-CT/TW",
        2014,
        2014,
        "toan-quoc",
        "BTGTW",
        "Tư tưởng, tấm gương đạo đức Hồ Chí Minh về nêu cao tinh thần trách nhiệm, chống chủ nghĩa cá nhân, nói "
        "đi đôi với làm",
        "",
    ),
    (
        "03-2015",
        "03-CT/TW",
        2015,
        2015,
        "toan-quoc",
        "BTGTW",
        "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh về trung thực, trách nhiệm; gắn bó với nhân dân; đoàn "
        "kết, xây dựng Đảng trong sạch, vững mạnh",
        "",
    ),
    (
        "05-2018",
        "05-CT/TW",
        2018,
        2018,
        "toan-quoc",
        "BTGTW",
        "Xây dựng phong cách, tác phong công tác của người đứng đầu, của cán bộ, đảng viên trong học tập và làm "
        "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "",
    ),
    (
        "05-2019",
        "05-CT/TW",
        2019,
        2019,
        "toan-quoc",
        "BTGTW",
        "Xây dựng ý thức tôn trọng Nhân dân, phát huy dân chủ, chăm lo đời sống Nhân dân theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh",
        "",
    ),
    (
        "05-2020",
        "05-CT/TW",
        2020,
        2020,
        "toan-quoc",
        "BTGTW",
        "Tăng cường khối đại đoàn kết toàn dân tộc, xây dựng Đảng và hệ thống chính trị trong sạch, vững mạnh "
        "theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "",
    ),
    (
        "01-term",
        "01-KL/TW",
        2021,
        2025,
        "toan-quoc",
        "BTGTW",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng "
        "phát triển đất nước phồn vinh, hạnh phúc",
        "Hướng dẫn 16-HD/BTGTW, 27/7/2021",
    ),
    (
        "01-2022-tinh",
        "01-KL/TW",
        2022,
        2022,
        "tinh",
        "TU",
        "Các phẩm chất (giá trị cốt lõi) của cán bộ, đảng viên cần tiếp tục rèn luyện, phát huy trong thời kỳ mới",
        "",
    ),
    (
        "01-2023-so",
        "01-KL/TW",
        2023,
        2023,
        "dang-bo",
        "DU",
        "Học tập và làm theo Bác về tinh thần trách nhiệm, nêu gương trong thực thi công vụ",
        "",
    ),
    (
        "01-2024-so",
        "01-KL/TW",
        2024,
        2024,
        "dang-bo",
        "DU",
        "Đổi mới phong cách, lề lối làm việc, tận tụy phục vụ Nhân dân và doanh nghiệp theo tư tưởng, đạo đức, "
        "phong cách Hồ Chí Minh",
        "",
    ),
    (
        "01-2025-so",
        "01-KL/TW",
        2025,
        2025,
        "dang-bo",
        "DU",
        "Học tập và làm theo Bác về ý chí tự lực, tự cường, đoàn kết, sáng tạo hoàn thành nhiệm vụ nhiệm kỳ "
        "2021 - 2025",
        "",
    ),
    (
        "01-2026-so",
        "01-KL/TW",
        2026,
        2026,
        "dang-bo",
        "DU",
        "Học tập và làm theo Bác về đổi mới sáng tạo, đẩy mạnh chuyển đổi số, nâng cao chất lượng phục vụ Nhân dân "
        "và doanh nghiệp",
        "",
    ),
]

DOCUMENTS = [
    # kind, number, issuer, signer, issued, effective, abstract, campaign, theme
    (
        "chi-thi",
        "05-CT/TW",
        "BCT",
        "Nguyễn Phú Trọng",
        "2016-05-15",
        "2016-05-15",
        "Chỉ thị của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "05-CT/TW",
        None,
    ),
    (
        "ket-luan",
        "01-KL/TW",
        "BCT",
        "",
        "2021-05-18",
        "2021-05-18",
        "Kết luận của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05-CT/TW",
        "01-KL/TW",
        None,
    ),
    (
        "huong-dan",
        "16-HD/BTGTW",
        "BTGTW",
        "",
        "2021-07-27",
        "2021-07-27",
        "Hướng dẫn học tập chuyên đề toàn khóa nhiệm kỳ 2021-2025 về ý chí tự lực, tự cường và khát vọng phát "
        "triển đất nước phồn vinh, hạnh phúc",
        "01-KL/TW",
        "01-term",
    ),
    (
        "ke-hoach",
        "185-KH/ĐU",
        "DU",
        "Bí thư Đảng ủy Sở",
        "2021-08-20",
        "2021-08-20",
        "Kế hoạch thực hiện Kết luận 01-KL/TW của Bộ Chính trị trong Đảng bộ Sở giai đoạn 2021-2025",
        "01-KL/TW",
        "01-term",
    ),
    (
        "ke-hoach",
        "12-KH/ĐU",
        "DU",
        "Bí thư Đảng ủy Sở",
        "2024-01-15",
        "2024-01-15",
        "Kế hoạch học tập và làm theo Bác năm 2024 của Đảng bộ Sở",
        "01-KL/TW",
        "01-2024-so",
    ),
    (
        "ke-hoach",
        "47-KH/ĐU",
        "DU",
        "Bí thư Đảng ủy Sở",
        "2017-03-10",
        "2017-03-10",
        "Kế hoạch thực hiện Chỉ thị 05-CT/TW trong Đảng bộ Sở",
        "05-CT/TW",
        None,
    ),
]

CATEGORIES = [
    # slug, name, parent, description
    ("tin-tuc-su-kien", "Tin tức - Sự kiện", None, "Tin hoạt động của Đảng bộ Sở và các sự kiện trong tỉnh."),
    ("hoat-dong-dang-bo", "Hoạt động Đảng bộ", "tin-tuc-su-kien", ""),
    ("tin-trong-tinh", "Tin trong tỉnh", "tin-tuc-su-kien", ""),
    (
        "hoc-tap-va-lam-theo-bac",
        "Học tập và làm theo Bác",
        None,
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong Đảng bộ.",
    ),
    ("guong-dien-hinh", "Gương điển hình", "hoc-tap-va-lam-theo-bac", ""),
    ("mo-hinh-hay-cach-lam-sang-tao", "Mô hình hay - Cách làm sáng tạo", "hoc-tap-va-lam-theo-bac", ""),
    ("xay-dung-dang", "Xây dựng Đảng", None, "Công tác xây dựng, chỉnh đốn Đảng."),
    ("van-ban-chi-dao", "Văn bản - Chỉ đạo", None, "Văn bản chỉ đạo, hướng dẫn của cấp ủy các cấp."),
]

TZ = ZoneInfo("Asia/Ho_Chi_Minh")


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def body_html(parts: list) -> str:
    html = []
    for part in parts:
        if isinstance(part, dict) and "quote" in part:
            html.append(f"<blockquote><p>{escape(part['quote'])}</p></blockquote>")
        elif isinstance(part, dict) and "heading" in part:
            html.append(f"<h3>{escape(part['heading'])}</h3>")
        else:
            html.append(f"<p>{escape(part)}</p>")
    return "\n".join(html)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (chương trình, chuyên đề, chuyên mục, bài viết). Chạy lại nhiều lần vẫn an toàn."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-images", action="store_true", help="Không tạo ảnh đại diện (nhanh hơn, cho kiểm thử)."
        )

    def handle(self, *args, no_images=False, verbosity=1, **options):
        self.verbosity = verbosity
        data = json.loads(CONTENT.read_text(encoding="utf-8"))
        with transaction.atomic():
            issuers = self.seed_issuers()
            campaigns = self.seed_campaigns(issuers, with_files=not no_images)
            themes = self.seed_themes(campaigns, issuers)
            self.seed_documents(campaigns, themes, issuers, with_files=not no_images)
            categories = self.seed_categories()
            for position, text in enumerate(data["slogans"]):
                Slogan.objects.get_or_create(text=text, defaults={"position": position})
        created = 0
        for index, item in enumerate(data["articles"]):
            with transaction.atomic():
                created += self.seed_article(index, item, categories, campaigns, themes, with_image=not no_images)
        self.stdout.write(
            self.style.SUCCESS(
                f"Dữ liệu mẫu: {created} bài viết mới, tổng cộng {Article.objects.count()} bài, "
                f"{Campaign.objects.count()} chương trình, {Theme.objects.count()} chuyên đề."
            )
        )
        import_module("portal.demo_content.surroundings").seed(stdout=self.stdout)
        import_module("portal.demo_content.emulation").seed(stdout=self.stdout, with_files=not no_images)
        import_module("portal.demo_content.activity").seed(stdout=self.stdout)

    def seed_issuers(self):
        return {
            key: Issuer.objects.get_or_create(name=name, defaults={"short_name": short})[0]
            for key, (name, short) in ISSUERS.items()
        }

    def seed_campaigns(self, issuers, *, with_files):
        campaigns = {}
        for position, (key, code, kind, issuer, issued, title, current, continues, summary) in enumerate(CAMPAIGNS):
            campaign, created = Campaign.objects.get_or_create(
                code=code,
                defaults={
                    "kind": kind,
                    "issuer": issuers[issuer],
                    "issued_on": _date(issued),
                    "title": title,
                    "summary": summary,
                    "is_current": current,
                    "continues": campaigns.get(continues),
                    "position": position,
                },
            )
            if created and with_files and kind != "phong-trao":
                pdf = document_pdf(campaign.name, [title[i : i + 60] for i in range(0, min(len(title), 240), 60)])
                campaign.document.save(f"{campaign.slug}.pdf", ContentFile(pdf), save=True)
            campaigns[key] = campaign
        return campaigns

    def seed_themes(self, campaigns, issuers):
        themes = {}
        for key, campaign, start, end, scope, issuer, title, guidance in THEMES:
            themes[key], _ = Theme.objects.get_or_create(
                campaign=campaigns[campaign],
                year_start=start,
                scope=scope,
                issuer=issuers[issuer],
                defaults={"year_end": end, "title": title, "guidance": guidance},
            )
        return themes

    def seed_documents(self, campaigns, themes, issuers, *, with_files):
        for kind, number, issuer, signer, issued, effective, abstract, campaign, theme in DOCUMENTS:
            document, created = Document.objects.get_or_create(
                number=number,
                issuer=issuers[issuer],
                defaults={
                    "kind": kind,
                    "signer": signer,
                    "issued_on": _date(issued),
                    "effective_on": _date(effective),
                    "abstract": abstract,
                    "campaign": campaigns[campaign],
                    "theme": themes.get(theme),
                },
            )
            if created and with_files:
                pdf = document_pdf(str(document), [abstract[i : i + 60] for i in range(0, min(len(abstract), 300), 60)])
                document.file.save(f"{document.slug}.pdf", ContentFile(pdf), save=True)

    def seed_categories(self):
        categories = {}
        for position, (slug, name, parent, description) in enumerate(CATEGORIES):
            categories[slug], _ = Category.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "parent": categories.get(parent),
                    "description": description,
                    "position": position,
                },
            )
        return categories

    def seed_article(self, index, item, categories, campaigns, themes, *, with_image) -> int:
        if Article.objects.filter(title=item["title"]).exists():
            return 0
        published_at = datetime.datetime.strptime(item["published"], "%Y-%m-%d %H:%M").replace(tzinfo=TZ)
        rng = random.Random(index)
        age_days = max(1, (datetime.datetime.now(TZ) - published_at).days)
        views = int(rng.randint(60, 400) + min(age_days, 2000) * rng.uniform(0.3, 3.5))
        if rng.random() < 0.08:
            views *= 12
        article = Article(
            title=item["title"],
            lead=item["lead"],
            body=body_html(item["body"]),
            category=categories[item["category"]],
            author_name=item.get("author", ""),
            source=item.get("source", ""),
            cover_caption=item.get("image_caption", ""),
            is_featured=item.get("featured", False),
            status=Article.Status.DRAFT if item.get("draft") else Article.Status.PUBLISHED,
            published_at=published_at,
            view_count=0 if item.get("draft") else views,
        )
        if with_image:
            article.cover.save(f"bai-viet-{index + 1}.jpg", ContentFile(cover_jpeg(index)), save=False)
        article.save()
        article.tags.set(item.get("tags", []))
        article.campaigns.set([campaigns[c] for c in item.get("campaigns", []) if c in campaigns])
        if item.get("theme") in themes:
            article.themes.set([themes[item["theme"]]])
        if self.verbosity > 1:
            self.stdout.write(f"  + {article.title}")
        return 1
