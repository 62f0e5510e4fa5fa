"""Demo content of the emulation movement: units, good models, exemplary people, awards (one revoked), a contest
with its prizes, a review conference and more documents, linked to the campaigns, themes and articles that exist.

Safe to run twice: every row is looked up before it is created. Works with no articles at all, and with the
campaigns of ``seed_demo`` missing (the records are then simply not linked to them).
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils.html import strip_tags

from campaigns.models import Award, Campaign, Contest, Document, Exemplar, GoodModel, Issuer, Theme, Unit
from campaigns.numbers import find_document_numbers
from news.models import Article
from portal.demo_images import cover_jpeg, document_pdf

UNITS = [
    # name, kind
    ("Chi bộ Văn phòng Sở", Unit.Kind.PARTY_CELL),
    ("Chi bộ Phòng Quản lý đất đai", Unit.Kind.PARTY_CELL),
    ("Chi bộ Văn phòng Đăng ký đất đai", Unit.Kind.PARTY_CELL),
    ("Chi bộ Chi cục Bảo vệ môi trường", Unit.Kind.PARTY_CELL),
    ("Văn phòng Sở", Unit.Kind.DIVISION),
    ("Phòng Quản lý đất đai", Unit.Kind.DIVISION),
    ("Phòng Pháp chế", Unit.Kind.DIVISION),
    ("Văn phòng Đăng ký đất đai", Unit.Kind.AGENCY),
    ("Trung tâm Công nghệ thông tin", Unit.Kind.AGENCY),
    ("Chi cục Bảo vệ môi trường", Unit.Kind.AGENCY),
    ("Đoàn Thanh niên Sở", Unit.Kind.ORGANISATION),
    ("Công đoàn Sở", Unit.Kind.ORGANISATION),
]

ISSUERS = [
    ("Chủ tịch Ủy ban nhân dân tỉnh Long An", "UBND"),
    ("Ủy ban nhân dân tỉnh Long An", "UBND tỉnh"),
    ("Đảng ủy Khối các cơ quan tỉnh Long An", "ĐUK"),
    ("Bộ Tài nguyên và Môi trường", "BTNMT"),
    ("Tỉnh ủy Long An", "TU"),
    ("Đảng ủy Sở Tài nguyên và Môi trường", "ĐU"),
    ("Giám đốc Sở Tài nguyên và Môi trường", "GĐ Sở"),
]

DOCUMENTS = [
    # kind, number, issuer, signer, issued, abstract, campaign code, theme (campaign code, year)
    (
        "cong-van",
        "1027-CV/TU",
        "Tỉnh ủy Long An",
        "Phó Bí thư Thường trực Tỉnh ủy",
        "2022-02-10",
        "Về việc học tập chuyên đề năm 2022 về các phẩm chất (giá trị cốt lõi) của cán bộ, đảng viên",
        "01-KL/TW",
        ("01-KL/TW", 2022),
    ),
    (
        "cong-van",
        "4379/UBND-TH",
        "Ủy ban nhân dân tỉnh Long An",
        "Phó Chủ tịch UBND tỉnh",
        "2023-10-05",
        "Về việc nhân rộng mô hình hay, cách làm sáng tạo trong cải cách hành chính về đất đai",
        "01-KL/TW",
        None,
    ),
    (
        "ke-hoach",
        "35-KH/ĐU",
        "Đảng ủy Sở Tài nguyên và Môi trường",
        "Bí thư Đảng ủy Sở",
        "2024-03-01",
        "Kế hoạch tổ chức Hội thi tìm hiểu tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024",
        "01-KL/TW",
        ("01-KL/TW", 2024),
    ),
    (
        "quyet-dinh",
        "128-QĐ/ĐU",
        "Đảng ủy Sở Tài nguyên và Môi trường",
        "Bí thư Đảng ủy Sở",
        "2024-05-17",
        "Quyết định khen thưởng tập thể, cá nhân đạt giải Hội thi tìm hiểu tư tưởng, đạo đức, phong cách "
        "Hồ Chí Minh năm 2024",
        "01-KL/TW",
        ("01-KL/TW", 2024),
    ),
    (
        "bao-cao",
        "210-BC/ĐU",
        "Đảng ủy Sở Tài nguyên và Môi trường",
        "Bí thư Đảng ủy Sở",
        "2024-06-20",
        "Báo cáo sơ kết 3 năm thực hiện Kết luận 01-KL/TW của Bộ Chính trị trong Đảng bộ Sở",
        "01-KL/TW",
        None,
    ),
]

GOOD_MODELS = [
    # name, unit, started, campaigns, theme (code, year), summary, results, keyword for linking articles
    (
        "Tổ trợ giúp pháp luật về tài nguyên môi trường",
        "Phòng Pháp chế",
        "2019-03-01",
        ["05-CT/TW", "01-KL/TW"],
        ("01-KL/TW", 2021),
        "Tổ công tác đến tận xã, ấp giải đáp pháp luật đất đai, môi trường cho người dân, hướng dẫn hồ sơ và "
        "hòa giải tranh chấp từ cơ sở.",
        "Hỗ trợ 1.900 trường hợp; tổ chức 950 buổi tư vấn tại 7 huyện; 85% vụ việc được hòa giải thành.",
        "trợ giúp pháp",
    ),
    (
        "Nụ cười tiếp dân",
        "Văn phòng Đăng ký đất đai",
        "2020-06-01",
        ["05-CT/TW", "01-KL/TW", "DVK"],
        ("01-KL/TW", 2024),
        "Cán bộ tiếp nhận hồ sơ đón người dân bằng nụ cười, hướng dẫn tận tình một lần là đủ, không để người dân "
        "đi lại nhiều lần.",
        "Khảo sát năm 2024: 95% người dân hài lòng; hồ sơ trễ hạn giảm từ 6% xuống còn 0,8%.",
        "Nụ cười",
    ),
    (
        "Tham mưu giỏi, phục vụ tốt",
        "Chi bộ Văn phòng Sở",
        "2021-01-15",
        ["01-KL/TW"],
        ("01-KL/TW", 2023),
        "Mỗi đảng viên Văn phòng đăng ký một việc tham mưu cụ thể trong năm và được chi bộ đánh giá hằng quý.",
        "120 văn bản tham mưu đúng hạn; 100% đảng viên hoàn thành tốt nhiệm vụ trở lên.",
        "Tham mưu giỏi",
    ),
    (
        "Vạn tấm lòng vàng",
        "Công đoàn Sở",
        "2018-09-01",
        ["05-CT/TW", "01-KL/TW"],
        None,
        "Cán bộ, công chức, người lao động góp ngày công, quà tặng hộ nghèo, gia đình chính sách và học sinh vượt khó.",
        "10.000 phần quà được trao; xây 12 căn nhà tình nghĩa; 300 suất học bổng.",
        "tấm lòng vàng",
    ),
    (
        "Ngày thứ Bảy xanh",
        "Đoàn Thanh niên Sở",
        "2022-04-02",
        ["01-KL/TW"],
        ("01-KL/TW", 2022),
        "Đoàn viên ra quân mỗi thứ Bảy cuối tháng làm sạch kênh rạch, trồng cây và tuyên truyền phân loại rác.",
        "Thu gom 120 tấn rác; trồng 4.500 cây xanh; 36 buổi ra quân.",
        "thứ Bảy xanh",
    ),
    (
        "Một cửa điện tử, không hẹn lần hai",
        "Trung tâm Công nghệ thông tin",
        "2022-08-01",
        ["01-KL/TW"],
        ("01-KL/TW", 2024),
        "Đưa toàn bộ thủ tục đất đai, môi trường lên dịch vụ công trực tuyến và nhắn tin báo kết quả cho người dân.",
        "98% hồ sơ nộp trực tuyến; thời gian giải quyết trung bình giảm 30%.",
        "một cửa",
    ),
    (
        "Chi bộ bốn tốt",
        "Chi bộ Phòng Quản lý đất đai",
        "2021-06-01",
        ["01-KL/TW"],
        ("01-KL/TW", 2023),
        "Chi bộ sinh hoạt chuyên đề hằng tháng gắn với bốn tiêu chí: chính trị tư tưởng tốt, chuyên môn tốt, "
        "đoàn kết tốt, phục vụ Nhân dân tốt.",
        "3 năm liền chi bộ hoàn thành xuất sắc nhiệm vụ; 2 đảng viên được kết nạp mới.",
        "bốn tốt",
    ),
    (
        "Dân vận khéo trong giải phóng mặt bằng",
        "Phòng Quản lý đất đai",
        "2019-05-01",
        ["DVK", "05-CT/TW"],
        None,
        "Cán bộ đến từng hộ lắng nghe, giải thích chính sách bồi thường, tái định cư trước khi thu hồi đất.",
        "Bàn giao mặt bằng 14 dự án đúng tiến độ; không có khiếu nại vượt cấp.",
        "Dân vận khéo",
    ),
    (
        "Mỗi tháng một việc làm theo Bác",
        "Chi bộ Văn phòng Sở",
        "2017-01-01",
        ["05-CT/TW"],
        ("05-CT/TW", 2019),
        "Mỗi đảng viên đăng ký một việc làm cụ thể hằng tháng và báo cáo trong buổi sinh hoạt chi bộ.",
        "1.260 việc làm được đăng ký và thực hiện trong 7 năm.",
        "việc làm theo Bác",
    ),
    (
        "Phân loại rác tại nguồn ở công sở",
        "Chi cục Bảo vệ môi trường",
        "2023-03-01",
        ["01-KL/TW"],
        ("01-KL/TW", 2024),
        "Bố trí thùng rác ba ngăn ở mọi phòng làm việc, không dùng chai nhựa dùng một lần trong cuộc họp.",
        "Giảm 70% rác thải nhựa; 100% cuộc họp không dùng chai nhựa.",
        "phân loại rác",
    ),
    (
        "Đảng viên nhận đỡ đầu học sinh nghèo",
        "Chi bộ Văn phòng Đăng ký đất đai",
        "2020-09-05",
        ["05-CT/TW", "01-KL/TW"],
        None,
        "Mỗi đảng viên nhận đỡ đầu một học sinh có hoàn cảnh khó khăn đến hết cấp học.",
        "45 học sinh được đỡ đầu; 12 em đỗ đại học.",
        "đỡ đầu",
    ),
    (
        "Tủ sách Bác Hồ ở cơ quan",
        "Đoàn Thanh niên Sở",
        "2021-05-19",
        ["01-KL/TW"],
        ("01-KL/TW", 2021),
        "Tủ sách về Chủ tịch Hồ Chí Minh đặt ở phòng đọc của cơ quan, mỗi quý một buổi giới thiệu sách.",
        "650 đầu sách; 1.800 lượt mượn.",
        "Tủ sách",
    ),
]

EXEMPLARS = [
    # name, kind, unit, position, year, campaigns, achievements, keyword
    (
        "Đồng chí Nguyễn Thị Thu Hà",
        Exemplar.Kind.INDIVIDUAL,
        "Văn phòng Đăng ký đất đai",
        "Chuyên viên một cửa",
        2024,
        ["01-KL/TW"],
        "Tiếp nhận hơn 3.000 hồ sơ mỗi năm không để trễ hạn; được người dân gửi thư khen.",
        "Thu Hà",
    ),
    (
        "Đồng chí Trần Văn Dũng",
        Exemplar.Kind.INDIVIDUAL,
        "Phòng Pháp chế",
        "Trưởng phòng",
        2023,
        ["01-KL/TW"],
        "Trưởng tổ trợ giúp pháp luật, trực tiếp hòa giải thành 320 vụ tranh chấp đất đai.",
        "Trần Văn Dũng",
    ),
    (
        "Đồng chí Lê Minh Tâm",
        Exemplar.Kind.INDIVIDUAL,
        "Trung tâm Công nghệ thông tin",
        "Phó Giám đốc Trung tâm",
        2024,
        ["01-KL/TW"],
        "Xây dựng hệ thống nhắn tin trả kết quả hồ sơ, sáng kiến được công nhận cấp tỉnh.",
        "Lê Minh Tâm",
    ),
    (
        "Đồng chí Phạm Thị Lan",
        Exemplar.Kind.INDIVIDUAL,
        "Công đoàn Sở",
        "Chủ tịch Công đoàn",
        2022,
        ["05-CT/TW", "01-KL/TW"],
        "Vận động quyên góp 10.000 phần quà và 12 căn nhà tình nghĩa.",
        "Phạm Thị Lan",
    ),
    (
        "Đồng chí Võ Thành Nhân",
        Exemplar.Kind.INDIVIDUAL,
        "Đoàn Thanh niên Sở",
        "Bí thư Đoàn",
        2024,
        ["01-KL/TW"],
        "Khởi xướng phong trào Ngày thứ Bảy xanh, giành giải Nhất Hội thi tìm hiểu về Bác năm 2024.",
        "Võ Thành Nhân",
    ),
    (
        "Đồng chí Huỳnh Văn Sáu",
        Exemplar.Kind.INDIVIDUAL,
        "Phòng Quản lý đất đai",
        "Chuyên viên",
        2021,
        ["DVK"],
        "Vận động 86 hộ dân bàn giao mặt bằng dự án đường tỉnh 830 đúng hạn.",
        "Huỳnh Văn Sáu",
    ),
    (
        "Tập thể Văn phòng Đăng ký đất đai",
        Exemplar.Kind.COLLECTIVE,
        "Văn phòng Đăng ký đất đai",
        "",
        2024,
        ["01-KL/TW"],
        "Đơn vị dẫn đầu khối thi đua về cải cách hành chính, 95% người dân hài lòng.",
        "Văn phòng Đăng ký đất đai",
    ),
    (
        "Tập thể Chi bộ Phòng Quản lý đất đai",
        Exemplar.Kind.COLLECTIVE,
        "Chi bộ Phòng Quản lý đất đai",
        "",
        2023,
        ["01-KL/TW"],
        "Chi bộ trong sạch, vững mạnh tiêu biểu 3 năm liền.",
        "Chi bộ Phòng Quản lý đất đai",
    ),
    (
        "Tập thể Chi cục Bảo vệ môi trường",
        Exemplar.Kind.COLLECTIVE,
        "Chi cục Bảo vệ môi trường",
        "",
        2024,
        ["01-KL/TW"],
        "Triển khai công sở không rác thải nhựa, được Bộ Tài nguyên và Môi trường biểu dương.",
        "Chi cục Bảo vệ môi trường",
    ),
    (
        "Đồng chí Đặng Thị Mỹ",
        Exemplar.Kind.INDIVIDUAL,
        "Chi bộ Văn phòng Sở",
        "Bí thư Chi bộ",
        2020,
        ["05-CT/TW"],
        "Duy trì 84 tháng liền mô hình Mỗi tháng một việc làm theo Bác.",
        "Đặng Thị Mỹ",
    ),
]

AWARDS = [
    # form, prize, issuer, number, date, level, recipient ("model"|"exemplar"|"unit", name), campaign, revoked
    # this year's: the report for the current year and the latest awards are not empty
    (
        "bang-khen",
        "",
        "Chủ tịch Ủy ban nhân dân tỉnh Long An",
        "312/QĐ-UBND",
        "2026-02-03",
        "tinh",
        ("model", "Một cửa điện tử, không hẹn lần hai"),
        "01-KL/TW",
        None,
    ),
    (
        "giay-khen",
        "",
        "Đảng ủy Sở Tài nguyên và Môi trường",
        "215-QĐ/ĐU",
        "2026-01-22",
        "co-so",
        ("exemplar", "Đồng chí Lê Minh Tâm"),
        "01-KL/TW",
        None,
    ),
    (
        "bang-khen",
        "",
        "Chủ tịch Ủy ban nhân dân tỉnh Long An",
        "1234/QĐ-UBND",
        "2024-05-19",
        "tinh",
        ("model", "Nụ cười tiếp dân"),
        "01-KL/TW",
        None,
    ),
    (
        "bang-khen",
        "",
        "Chủ tịch Ủy ban nhân dân tỉnh Long An",
        "1234/QĐ-UBND",
        "2024-05-19",
        "tinh",
        ("exemplar", "Đồng chí Nguyễn Thị Thu Hà"),
        "01-KL/TW",
        None,
    ),
    (
        "bang-khen",
        "",
        "Bộ Tài nguyên và Môi trường",
        "2870/QĐ-BTNMT",
        "2023-11-20",
        "trung-uong",
        ("model", "Tổ trợ giúp pháp luật về tài nguyên môi trường"),
        "01-KL/TW",
        None,
    ),
    (
        "giay-khen",
        "",
        "Đảng ủy Khối các cơ quan tỉnh Long An",
        "415-QĐ/ĐUK",
        "2023-06-30",
        "khoi",
        ("unit", "Chi bộ Phòng Quản lý đất đai"),
        "01-KL/TW",
        None,
    ),
    (
        "giay-khen",
        "",
        "Giám đốc Sở Tài nguyên và Môi trường",
        "560/QĐ-STNMT",
        "2022-12-28",
        "co-so",
        ("exemplar", "Đồng chí Phạm Thị Lan"),
        "05-CT/TW",
        None,
    ),
    (
        "co-thi-dua",
        "",
        "Ủy ban nhân dân tỉnh Long An",
        "310/QĐ-UBND",
        "2024-01-25",
        "tinh",
        ("exemplar", "Tập thể Văn phòng Đăng ký đất đai"),
        "01-KL/TW",
        None,
    ),
    (
        "giay-khen",
        "",
        "Đảng ủy Sở Tài nguyên và Môi trường",
        "97-QĐ/ĐU",
        "2021-12-20",
        "co-so",
        ("model", "Mỗi tháng một việc làm theo Bác"),
        "05-CT/TW",
        None,
    ),
    (
        "bang-khen",
        "",
        "Chủ tịch Ủy ban nhân dân tỉnh Long An",
        "802/QĐ-UBND",
        "2022-03-15",
        "tinh",
        ("exemplar", "Đồng chí Huỳnh Văn Sáu"),
        "DVK",
        # Cancelled under Luật Thi đua, khen thưởng 06/2022/QH15: it stays on record, out of public lists.
        ("1502/QĐ-UBND", "2023-07-10"),
    ),
]

CONTEST = {
    "title": "Hội thi tìm hiểu tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2024",
    "kind": Contest.Kind.CONTEST,
    "held_on": "2024-05-17",
    "place": "Hội trường Sở Tài nguyên và Môi trường",
    "summary": "12 đội thi của các chi bộ và đoàn thể với ba phần thi: chào hỏi, kiến thức và xử lý tình huống; "
    "gần 300 đảng viên, đoàn viên cổ vũ.",
    "campaign": "01-KL/TW",
    "decision": ("128-QĐ/ĐU", "2024-05-17", "Đảng ủy Sở Tài nguyên và Môi trường"),
    "prizes": [
        ("Giải Nhất", ("exemplar", "Đồng chí Võ Thành Nhân")),
        ("Giải Nhì", ("unit", "Chi bộ Văn phòng Đăng ký đất đai")),
        ("Giải Ba", ("unit", "Chi bộ Văn phòng Sở")),
        ("Giải Khuyến khích", ("unit", "Chi bộ Chi cục Bảo vệ môi trường")),
    ],
}

REVIEW = {
    "title": "Hội nghị sơ kết 3 năm thực hiện Kết luận 01-KL/TW",
    "kind": Contest.Kind.INTERIM_REVIEW,
    "held_on": "2024-06-20",
    "place": "Hội trường Sở Tài nguyên và Môi trường",
    "summary": "Đảng ủy Sở đánh giá 3 năm thực hiện Kết luận 01-KL/TW, biểu dương 5 tập thể và 10 cá nhân tiêu biểu.",
    "campaign": "01-KL/TW",
}


def _date(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


def _articles_about(keyword: str):
    """Published articles whose title or lead mentions ``keyword``; there may be none."""
    return Article.objects.published().filter(Q(title__icontains=keyword) | Q(lead__icontains=keyword))[:3]


@transaction.atomic
def seed(*, stdout, with_files: bool = True) -> None:
    campaigns = {c.code: c for c in Campaign.objects.all()}
    themes = {(t.campaign.code, t.year_start): t for t in Theme.objects.select_related("campaign")}
    issuers = {
        name: Issuer.objects.get_or_create(name=name, defaults={"short_name": short})[0] for name, short in ISSUERS
    }
    units = {
        name: Unit.objects.get_or_create(name=name, defaults={"kind": kind, "position": position})[0]
        for position, (name, kind) in enumerate(UNITS)
    }

    for kind, number, issuer, signer, issued, abstract, campaign, theme in DOCUMENTS:
        document, created = Document.objects.get_or_create(
            number=number,
            issuer=issuers[issuer],
            defaults={
                "kind": kind,
                "signer": signer,
                "issued_on": _date(issued),
                "effective_on": _date(issued),
                "abstract": abstract,
                "campaign": campaigns.get(campaign),
                "theme": themes.get(theme) if theme else None,
            },
        )
        if created and with_files:
            pdf = document_pdf(str(document), [abstract[i : i + 60] for i in range(0, min(len(abstract), 300), 60)])
            document.file.save(f"{document.slug}.pdf", ContentFile(pdf), save=True)

    models = {}
    for index, (name, unit, started, codes, theme, summary, results, keyword) in enumerate(GOOD_MODELS):
        good_model, created = GoodModel.objects.get_or_create(
            name=name,
            defaults={"unit": units[unit], "started_on": _date(started), "summary": summary, "results": results},
        )
        if created:
            if with_files:
                good_model.cover.save(f"mo-hinh-{index + 1}.jpg", ContentFile(cover_jpeg(100 + index)), save=True)
            good_model.campaigns.set([campaigns[c] for c in codes if c in campaigns])
            if theme in themes:
                good_model.themes.set([themes[theme]])
            for article in _articles_about(keyword):
                article.good_models.add(good_model)
        models[name] = good_model

    exemplars = {}
    for name, kind, unit, position, year, codes, achievements, keyword in EXEMPLARS:
        exemplar, created = Exemplar.objects.get_or_create(
            name=name,
            defaults={
                "kind": kind,
                "unit": units[unit],
                "position": position,
                "year": year,
                "achievements": achievements,
            },
        )
        if created:
            exemplar.campaigns.set([campaigns[c] for c in codes if c in campaigns])
            for article in _articles_about(keyword):
                article.exemplars.add(exemplar)
        exemplars[name] = exemplar

    def recipient(kind_and_name):
        kind, name = kind_and_name
        return {
            "model": {"good_model": models.get(name)},
            "exemplar": {"exemplar": exemplars.get(name)},
            "unit": {"unit": units.get(name)},
        }[kind]

    for form, prize, issuer, number, decided, level, to, campaign, revoked in AWARDS:
        Award.objects.get_or_create(
            decision_number=number,
            **recipient(to),
            defaults={
                "form": form,
                "prize": prize,
                "issuer": issuers[issuer],
                "decided_on": _date(decided),
                "year": _date(decided).year,
                "level": level,
                "campaign": campaigns.get(campaign),
                "status": Award.Status.REVOKED if revoked else Award.Status.VALID,
                "revoked_by_number": revoked[0] if revoked else "",
                "revoked_on": _date(revoked[1]) if revoked else None,
            },
        )

    contest, _ = Contest.objects.get_or_create(
        title=CONTEST["title"],
        defaults={
            "kind": CONTEST["kind"],
            "held_on": _date(CONTEST["held_on"]),
            "place": CONTEST["place"],
            "summary": CONTEST["summary"],
            "campaign": campaigns.get(CONTEST["campaign"]),
        },
    )
    number, decided, issuer = CONTEST["decision"]
    for prize, to in CONTEST["prizes"]:
        Award.objects.get_or_create(
            contest=contest,
            prize=prize,
            defaults={
                "form": Award.Form.PRIZE,
                "issuer": issuers[issuer],
                "decision_number": number,
                "decided_on": _date(decided),
                "year": _date(decided).year,
                "level": Award.Level.DEPARTMENT,
                "campaign": campaigns.get(CONTEST["campaign"]),
                **recipient(to),
            },
        )
    Contest.objects.get_or_create(
        title=REVIEW["title"],
        defaults={
            "kind": REVIEW["kind"],
            "held_on": _date(REVIEW["held_on"]),
            "place": REVIEW["place"],
            "summary": REVIEW["summary"],
            "campaign": campaigns.get(REVIEW["campaign"]),
        },
    )

    # Articles that name a document by number get it linked, as an editor would after the admin's suggestion.
    linked = 0
    for article in Article.objects.published().filter(documents__isnull=True):
        keys = find_document_numbers(f"{article.title} {article.lead} {strip_tags(article.body)}")
        documents = list(Document.objects.filter(number_key__in=keys)) if keys else []
        if documents:
            article.documents.add(*documents)
            linked += 1

    stdout.write(
        f"Dữ liệu mẫu phong trào thi đua: {GoodModel.objects.count()} mô hình hay, "
        f"{Exemplar.objects.count()} gương điển hình, {Award.objects.count()} khen thưởng, "
        f"{Contest.objects.count()} hội thi, hội nghị, {Document.objects.count()} văn bản; "
        f"{linked} bài viết được gắn văn bản."
    )
