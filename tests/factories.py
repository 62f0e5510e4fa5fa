"""Small builders for test data: make_article(**overrides) and friends."""

import datetime
import itertools

from django.utils import timezone

from campaigns.models import Campaign, Issuer, Theme
from news.models import Article, Category

_counter = itertools.count(1)


def make_issuer(name=None, **overrides) -> Issuer:
    return Issuer.objects.create(name=name or f"Cơ quan {next(_counter)}", **overrides)


def make_campaign(code=None, **overrides) -> Campaign:
    n = next(_counter)
    fields = {
        "code": code or f"{n:02d}-CT/TW",
        "kind": Campaign.Kind.DIRECTIVE,
        "issued_on": datetime.date(2016, 5, 15),
        "title": "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "is_current": True,
    }
    fields.update(overrides)
    fields.setdefault("issuer", make_issuer())
    return Campaign.objects.create(**fields)


def make_theme(campaign=None, year=2019, **overrides) -> Theme:
    fields = {
        "campaign": campaign or make_campaign(),
        "year_start": year,
        "title": f"Chuyên đề năm {year}: xây dựng ý thức tôn trọng Nhân dân",
    }
    fields.update(overrides)
    fields.setdefault("issuer", fields["campaign"].issuer)
    return Theme.objects.create(**fields)


def make_category(name=None, **overrides) -> Category:
    return Category.objects.create(name=name or f"Chuyên mục {next(_counter)}", **overrides)


def make_article(title=None, *, tags=(), campaigns=(), themes=(), **overrides) -> Article:
    n = next(_counter)
    fields = {
        "title": title or f"Đảng ủy Sở học tập và làm theo Bác, bài số {n}",
        "lead": "Sáng nay, Đảng ủy Sở tổ chức hội nghị sơ kết việc học tập và làm theo Bác.",
        "body": "<p>Nội dung bài viết.</p>",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(hours=n),
        "author_name": "T. Hùng",
    }
    fields.update(overrides)
    if "category" not in fields:
        fields["category"] = Category.objects.first() or make_category()
    article = Article.objects.create(**fields)
    if tags:
        article.tags.set(list(tags))
    if campaigns:
        article.campaigns.set(campaigns)
    if themes:
        article.themes.set(themes)
    return article


# The emulation movement and the document library.
def make_unit(name=None, **overrides):
    from campaigns.models import Unit

    return Unit.objects.create(name=name or f"Chi bộ {next(_counter)}", **overrides)


def make_document(number=None, *, issuer=None, **overrides):
    from campaigns.models import Document

    fields = {
        "kind": Document.Kind.PLAN,
        "number": number or f"{next(_counter)}-KH/ĐU",
        "issued_on": datetime.date(2021, 8, 20),
        "abstract": "Kế hoạch thực hiện Kết luận 01-KL/TW trong Đảng bộ Sở",
    }
    fields.update(overrides)
    fields["issuer"] = issuer or make_issuer()
    return Document.objects.create(**fields)


def make_good_model(name=None, *, campaigns=(), themes=(), **overrides):
    from campaigns.models import GoodModel

    fields = {
        "name": name or f"Mô hình số {next(_counter)}",
        "started_on": datetime.date(2022, 3, 1),
        "summary": "Hướng dẫn thủ tục đất đai cho người dân ở 7 huyện.",
        "results": "1.900 trường hợp được hướng dẫn, 950 buổi tiếp dân.",
    }
    fields.update(overrides)
    fields.setdefault("unit", make_unit())
    good_model = GoodModel.objects.create(**fields)
    good_model.campaigns.set(campaigns)
    good_model.themes.set(themes)
    return good_model


def make_exemplar(name=None, *, campaigns=(), themes=(), **overrides):
    from campaigns.models import Exemplar

    fields = {
        "name": name or f"Đồng chí Nguyễn Văn {next(_counter)}",
        "kind": Exemplar.Kind.INDIVIDUAL,
        "position": "Chuyên viên",
        "year": 2023,
        "achievements": "Gương mẫu, tận tụy phục vụ Nhân dân.",
    }
    fields.update(overrides)
    exemplar = Exemplar.objects.create(**fields)
    exemplar.campaigns.set(campaigns)
    exemplar.themes.set(themes)
    return exemplar


def make_award(**overrides):
    from campaigns.models import Award

    fields = {
        "form": Award.Form.CERTIFICATE_OF_MERIT,
        "decision_number": f"{next(_counter)}/QĐ-UBND",
        "decided_on": datetime.date(2023, 5, 19),
        "level": Award.Level.PROVINCE,
        "year": 2023,
    }
    fields.update(overrides)
    if not {"good_model", "exemplar", "unit"} & set(fields):
        fields["exemplar"] = make_exemplar()
    fields.setdefault("issuer", make_issuer())
    return Award.objects.create(**fields)


def make_contest(title=None, **overrides):
    from campaigns.models import Contest

    fields = {"title": title or f"Hội thi số {next(_counter)}", "held_on": datetime.date(2023, 5, 19)}
    fields.update(overrides)
    return Contest.objects.create(**fields)


# What the article admin's form posts for its inline of hand-pinned related articles when none is pinned.
EMPTY_ARTICLE_INLINES = {"related_links-TOTAL_FORMS": "0", "related_links-INITIAL_FORMS": "0"}
