"""Public pages of the emulation movement: the campaign hub, lists with filters, detail pages."""

import datetime

import pytest
from django.urls import reverse

from campaigns.models import Award, Exemplar, Theme
from tests.factories import (
    make_article,
    make_award,
    make_campaign,
    make_contest,
    make_document,
    make_exemplar,
    make_good_model,
    make_issuer,
    make_theme,
    make_unit,
)
from tests.sitemaps import all_sitemaps

pytestmark = pytest.mark.django_db


@pytest.fixture
def movement():
    campaign = make_campaign(code="01-KL/TW", kind="ket-luan", title="Về tiếp tục thực hiện Chỉ thị 05-CT/TW")
    other = make_campaign(code="03-CT/TW")
    national = make_theme(campaign, year=2021, year_end=2025, title="Ý chí tự lực, tự cường")
    own = make_theme(
        campaign, year=2024, scope=Theme.Scope.DEPARTMENT, issuer=make_issuer("Đảng ủy Sở"), title="Tận tụy phục vụ"
    )
    cell = make_unit("Chi bộ Văn phòng")
    office = make_unit("Phòng Quản lý đất đai")
    smile = make_good_model(
        "Nụ cười tiếp dân", unit=cell, campaigns=[campaign], themes=[own], started_on=datetime.date(2024, 2, 1)
    )
    legal = make_good_model(
        "Tổ trợ giúp pháp luật", unit=office, campaigns=[other], started_on=datetime.date(2019, 1, 1)
    )
    person = make_exemplar("Nguyễn Thị Hoa", unit=cell, campaigns=[campaign], year=2024)
    team = make_exemplar("Tập thể Phòng Quản lý đất đai", kind=Exemplar.Kind.COLLECTIVE, unit=office, year=2022)
    contest = make_contest("Hội thi tìm hiểu về Bác năm 2024", campaign=campaign)
    first = make_award(prize="Giải Nhất", form=Award.Form.PRIZE, exemplar=person, contest=contest, campaign=campaign)
    merit = make_award(good_model=smile, campaign=campaign, year=2024)
    revoked = make_award(
        unit=office,
        campaign=campaign,
        prize="Giải đã hủy",
        status=Award.Status.REVOKED,
        revoked_by_number="9/QĐ-UBND",
        revoked_on=datetime.date(2024, 6, 1),
    )
    plan = make_document("185-KH/ĐU", campaign=campaign, theme=national, abstract="Kế hoạch thực hiện Kết luận")
    article = make_article("Chi bộ Văn phòng nhân rộng mô hình Nụ cười tiếp dân", campaigns=[campaign], themes=[own])
    article.good_models.set([smile])
    article.exemplars.set([person])
    article.awards.set([first, revoked])
    article.documents.set([plan])
    return locals()


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def test_campaign_hub_shows_every_block_with_a_link_to_its_full_list(client, movement):
    html = get(client, movement["campaign"].get_absolute_url())
    campaign = movement["campaign"]
    for name in ("Nụ cười tiếp dân", "Nguyễn Thị Hoa", "Giải Nhất", "Hội thi tìm hiểu về Bác năm 2024", "185-KH/ĐU"):
        assert name in html
    assert "Tổ trợ giúp pháp luật" not in html  # another campaign's model
    assert "Giải đã hủy" not in html  # revoked
    assert "2021-2025" in html and "Đảng bộ Sở" in html  # the national term theme and the department's own
    assert "Chi bộ Văn phòng nhân rộng" in html
    for name in ("goodmodel-list", "exemplar-list", "award-list", "contest-list", "document-list"):
        assert f"{reverse(f'campaigns:{name}')}?campaign={campaign.slug}" in html


def test_hub_query_count_does_not_grow_with_records(client, movement, django_assert_max_num_queries):
    campaign = movement["campaign"]
    for _ in range(8):
        model = make_good_model(campaigns=[campaign])
        make_award(good_model=model, campaign=campaign)
        make_exemplar(campaigns=[campaign], unit=make_unit())
        make_document(campaign=campaign)
        make_article(campaigns=[campaign])
    client.get(campaign.get_absolute_url())  # the site-wide blocks (menu, slogans) are cached by the first
    with django_assert_max_num_queries(14):
        assert client.get(campaign.get_absolute_url()).status_code == 200


def test_good_model_list_filters_by_campaign_theme_year_and_unit(client, movement):
    url = reverse("campaigns:goodmodel-list")
    html = get(client, url)
    assert "Nụ cười tiếp dân" in html and "Tổ trợ giúp pháp luật" in html
    assert "Tổ trợ giúp" not in get(client, url, campaign=movement["campaign"].slug)
    assert "Tổ trợ giúp" not in get(client, url, theme=movement["own"].pk)
    assert "Nụ cười" not in get(client, url, year=2019)
    only_office = get(client, url, unit=movement["office"].slug)
    assert "Tổ trợ giúp" in only_office and "Nụ cười" not in only_office


def test_bad_filter_values_give_a_form_error_not_an_error_page(client, movement):
    html = get(client, reverse("campaigns:goodmodel-list"), year="năm ngoái", campaign="khong-co", unit="x")
    assert "Nụ cười tiếp dân" in html and "Tổ trợ giúp pháp luật" in html
    assert "Nhập một số" in html or "số nguyên" in html
    assert client.get(reverse("campaigns:award-list"), {"kind": "khong-co"}).status_code == 200


def test_exemplar_list_filters_by_kind(client, movement):
    html = get(client, reverse("campaigns:exemplar-list"), kind=Exemplar.Kind.COLLECTIVE)
    assert "Tập thể Phòng Quản lý đất đai" in html and "Nguyễn Thị Hoa" not in html


def test_award_list_leaves_out_revoked_awards_and_filters_by_unit(client, movement):
    html = get(client, reverse("campaigns:award-list"))
    assert "Giải Nhất" in html and "Giải đã hủy" not in html
    cell = get(client, reverse("campaigns:award-list"), unit=movement["cell"].slug)
    assert "Giải Nhất" in cell and "Nụ cười tiếp dân" in cell  # awards to the cell's people and models
    office = get(client, reverse("campaigns:award-list"), unit=movement["office"].slug)
    assert "Giải Nhất" not in office


def test_revoked_award_page_is_a_vietnamese_404(client, movement):
    response = client.get(movement["revoked"].get_absolute_url())
    assert response.status_code == 404
    assert "Không tìm thấy" in response.content.decode()
    assert client.get("/phong-trao/mo-hinh-hay/khong-co/").status_code == 404


@pytest.mark.parametrize("record", ["smile", "person", "first", "plan"])
def test_detail_pages_list_their_linked_articles(client, movement, record):
    obj = movement[record]
    html = get(client, obj.get_absolute_url())
    assert "Bài viết liên quan" in html
    assert "Chi bộ Văn phòng nhân rộng mô hình Nụ cười tiếp dân" in html


def test_draft_articles_are_not_listed_on_record_pages(client, movement):
    draft = make_article("Bản nháp chưa đăng", status="draft")
    draft.good_models.set([movement["smile"]])
    assert "Bản nháp chưa đăng" not in get(client, movement["smile"].get_absolute_url())


def test_contest_page_shows_its_public_prizes(client, movement):
    make_award(prize="Giải Nhì", contest=movement["contest"], exemplar=make_exemplar("Trần Văn Nam"))
    make_award(
        prize="Giải Ba đã hủy",
        contest=movement["contest"],
        status=Award.Status.REVOKED,
        revoked_by_number="1/QĐ",
        revoked_on=datetime.date(2024, 1, 1),
    )
    html = get(client, movement["contest"].get_absolute_url())
    assert "Giải Nhất" in html and "Giải Nhì" in html and "Trần Văn Nam" in html
    assert "Giải Ba đã hủy" not in html
    assert "Hội thi tìm hiểu" in get(client, reverse("campaigns:contest-list"), kind="hoi-thi")


def test_document_library_searches_without_diacritics(client, movement):
    make_document("4379/UBND-TH", issuer=make_issuer("Ủy ban nhân dân tỉnh"), abstract="Về hội thi tìm hiểu")
    url = reverse("campaigns:document-list")
    html = get(client, url, q="ke hoach thuc hien")
    assert "185-KH/ĐU" in html and "4379/UBND-TH" not in html
    html = get(client, url, q="uy ban nhan dan")
    assert "4379/UBND-TH" in html and "185-KH/ĐU" not in html
    assert "185-KH/ĐU" in get(client, url, q="185/KH-ĐU")
    assert "Không tìm thấy văn bản nào" in get(client, url, q="không có văn bản này")


def test_document_page_shows_decree_42_fields(client, movement):
    html = get(client, movement["plan"].get_absolute_url())
    for label in ("Số, ký hiệu", "Cơ quan ban hành", "Ngày ban hành", "Ngày hiệu lực", "185-KH/ĐU", "20/08/2021"):
        assert label in html


def test_lists_paginate_and_keep_their_filters(client, movement):
    for _ in range(14):
        make_good_model(campaigns=[movement["campaign"]])
    html = get(client, reverse("campaigns:goodmodel-list"), campaign=movement["campaign"].slug)
    assert "Trang 1 / 2" in html
    assert f"campaign={movement['campaign'].slug}&amp;page=2" in html
    assert client.get(reverse("campaigns:goodmodel-list"), {"page": 9}).status_code == 404


@pytest.mark.parametrize("name", ["goodmodel-list", "exemplar-list", "award-list", "contest-list", "document-list"])
def test_list_query_count_is_bounded(client, movement, name, django_assert_max_num_queries):
    campaign = movement["campaign"]
    for _ in range(12):
        model = make_good_model(campaigns=[campaign])
        make_award(good_model=model, campaign=campaign)
        make_exemplar(unit=make_unit())
        make_document(campaign=campaign)
        make_contest(campaign=campaign)
    url = reverse(f"campaigns:{name}")
    client.get(url)
    with django_assert_max_num_queries(10):
        assert client.get(url, {"campaign": campaign.slug, "year": 2024}).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("record", ["smile", "person", "first", "plan", "contest"])
def test_detail_query_count_is_bounded(client, movement, record, django_assert_max_num_queries):
    for _ in range(6):
        article = make_article(campaigns=[movement["campaign"]])
        getattr(
            article,
            {"smile": "good_models", "person": "exemplars", "first": "awards", "plan": "documents"}.get(
                record, "documents"
            ),
        ).add(movement[record] if record != "contest" else movement["plan"])
    client.get(movement[record].get_absolute_url())
    with django_assert_max_num_queries(8):
        assert client.get(movement[record].get_absolute_url()).status_code == 200


def test_article_page_shows_its_models_people_awards_and_documents(client, movement, django_assert_max_num_queries):
    article = movement["article"]
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(15):  # four more than an article without records, whatever their number
        html = get(client, article.get_absolute_url())
    assert "Trong bài này" in html
    for record in ("smile", "person", "first", "plan"):
        assert movement[record].get_absolute_url() in html
    assert "Giải đã hủy" not in html


def test_article_without_records_has_no_block_and_no_extra_queries(client, movement, django_assert_max_num_queries):
    plain = make_article("Bài không gắn hồ sơ")
    client.get(plain.get_absolute_url())
    with django_assert_max_num_queries(11):
        html = get(client, plain.get_absolute_url())
    assert "Trong bài này" not in html


def test_sitemap_lists_models_exemplars_documents_awards_and_contests(client, movement):
    xml = all_sitemaps(client)
    for record in ("smile", "person", "plan", "first", "contest"):
        assert movement[record].get_absolute_url() in xml
    assert movement["revoked"].get_absolute_url() not in xml


def test_document_library_is_in_the_main_menu(client, movement):
    assert f'href="{reverse("campaigns:document-list")}"' in get(client, "/")


def test_out_of_range_and_odd_input_is_a_404_or_a_form_error(client, movement):
    assert client.get("/phong-trao/khen-thuong/99999999999999999999999/").status_code == 404
    html = get(client, reverse("campaigns:goodmodel-list"), theme="99999999999999999999999", year="99999999999999")
    assert "Nụ cười tiếp dân" in html
    assert "Không tìm thấy văn bản nào" not in get(client, reverse("campaigns:document-list"), q="\x00 ' % _ ĐƯỜNG")


def test_theme_page_links_to_its_models_exemplars_and_documents(client, movement):
    html = get(client, movement["own"].get_absolute_url())
    assert f"{reverse('campaigns:goodmodel-list')}?theme={movement['own'].pk}" in html
    assert "Nụ cười tiếp dân" in get(client, reverse("campaigns:goodmodel-list"), theme=movement["own"].pk)
