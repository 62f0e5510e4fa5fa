"""Giới thiệu: what administrators write, the organisation chart as a tree of lists, the leaders in their order."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.about.models import Introduction, Leader, OrgUnit
from portal.demo.images import portrait_png
from tests.factories import make_unit
from tests.html_tree import parse

pytestmark = pytest.mark.django_db
URL = "/gioi-thieu/"


def test_introduction_page_shows_functions_history_chart_and_leaders(client):
    Introduction.objects.create(
        summary="Đảng bộ Sở lãnh đạo toàn diện.",
        functions="<p>Tham mưu về đất đai.</p><script>alert(1)</script>",
        history="<p>Thành lập năm 2003.</p>",
    )
    top = OrgUnit.objects.create(name="Ban Chấp hành Đảng bộ")
    OrgUnit.objects.create(name="Chi bộ Văn phòng", parent=top)
    Leader.objects.create(
        name="Nguyễn Văn Minh", title="Bí thư Đảng ủy", duties="Phụ trách chung", biography="Sinh năm 1970"
    )

    response = client.get(URL)

    assert response.status_code == 200
    text = response.content.decode()
    for part in (
        "Tham mưu về đất đai.",
        "Thành lập năm 2003.",
        "Nguyễn Văn Minh",
        "Bí thư Đảng ủy",
        "Phụ trách chung",
        "Sinh năm 1970",
    ):
        assert part in text
    assert "<script>alert(1)</script>" not in text  # cleaned on save like an article's body


def test_org_chart_is_a_nested_list_in_the_order_administrators_set(client):
    top = OrgUnit.objects.create(name="Ban Chấp hành", position=0)
    OrgUnit.objects.create(name="Ủy ban Kiểm tra", parent=top, position=1)
    cells = OrgUnit.objects.create(name="Các chi bộ", parent=top, position=2)
    OrgUnit.objects.create(name="Chi bộ Văn phòng", parent=cells)

    tree = parse(client.get(URL).content).find("section", id="co-cau-to-chuc").find("ul", "org-tree--root")

    def names(items):
        return [li.find(cls="org-tree__name").own_text() for li in items]

    root_items = tree.kids("li")
    assert names(root_items) == ["Ban Chấp hành"]
    second = root_items[0].kids("ul")[0].kids("li")
    assert names(second) == ["Ủy ban Kiểm tra", "Các chi bộ"]  # the administrators' order, not the alphabet's
    assert names(second[1].kids("ul")[0].kids("li")) == ["Chi bộ Văn phòng"]


def test_org_unit_linked_to_an_emulation_unit_links_to_its_good_models(client):
    unit = make_unit("Chi bộ Văn phòng Sở")
    OrgUnit.objects.create(name="Chi bộ Văn phòng Sở", unit=unit)
    assert f"{reverse('campaigns:goodmodel-list')}?unit={unit.slug}" in client.get(URL).content.decode()


def test_an_org_unit_cannot_be_put_under_itself_or_its_descendants():
    top = OrgUnit.objects.create(name="Ban Chấp hành")
    child = OrgUnit.objects.create(name="Văn phòng", parent=top)
    top.parent = child
    with pytest.raises(ValidationError):
        top.full_clean()
    top.parent = top
    with pytest.raises(ValidationError):
        top.full_clean()


def test_leaders_follow_the_administrators_order_and_former_ones_leave_the_page(client):
    Leader.objects.create(name="Người thứ hai", title="Phó Bí thư", position=2)
    Leader.objects.create(name="Người thứ nhất", title="Bí thư", position=1)
    Leader.objects.create(name="Người đã nghỉ", title="Nguyên Bí thư", position=0, is_serving=False)
    text = client.get(URL).content.decode()
    assert text.index("Người thứ nhất") < text.index("Người thứ hai")
    assert "Người đã nghỉ" not in text


def test_a_leader_photo_goes_through_the_portals_picture_check(admin_client):
    data = {
        "name": "Trần Thị Hà",
        "title": "Phó Bí thư",
        "position": "1",
        "is_serving": "on",
        "duties": "",
        "biography": "",
    }
    fake = SimpleUploadedFile("anh.jpg", b"<html>not a picture</html>", content_type="image/jpeg")
    response = admin_client.post(reverse("admin:about_leader_add"), {**data, "photo": fake})
    assert response.status_code == 200 and not Leader.objects.exists()
    photo = SimpleUploadedFile("anh.png", portrait_png("H", 1), content_type="image/png")
    response = admin_client.post(reverse("admin:about_leader_add"), {**data, "photo": photo})
    assert response.status_code == 302
    leader = Leader.objects.get()
    assert leader.photo and f'src="{leader.photo.url}"' in admin_client.get(URL).content.decode()


def test_the_admin_keeps_a_single_introduction(admin_client):
    assert admin_client.get(reverse("admin:about_introduction_add")).status_code == 200
    intro = Introduction.objects.create(functions="<p>Chức năng</p>")
    change = reverse("admin:about_introduction_change", args=[intro.pk])
    for page in ("admin:about_introduction_add", "admin:about_introduction_changelist"):
        response = admin_client.get(reverse(page))
        assert response.status_code == 302 and response.url == change
    response = admin_client.post(
        reverse("admin:about_introduction_add"), {"summary": "Thứ hai", "functions": "", "history": ""}
    )
    assert Introduction.objects.count() == 1


def test_the_empty_introduction_renders_and_says_content_is_coming(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Nội dung đang được cập nhật." in response.content.decode()


def test_introduction_page_is_linked_from_the_main_menu(client):
    nav = parse(client.get("/").content).find("nav", "mainnav")
    assert URL in [a.attrs.get("href") for a in nav.find_all("a")]


@pytest.mark.parametrize("n", [2, 20])
def test_introduction_query_count_does_not_grow(client, n, django_assert_max_num_queries):
    Introduction.objects.create(functions="<p>x</p>")
    parent = None
    for i in range(n):
        parent = OrgUnit.objects.create(name=f"Đơn vị {i}", parent=parent if i % 2 else None, unit=make_unit())
        Leader.objects.create(name=f"Lãnh đạo {i}", title="Ủy viên")
    client.get(URL)
    with django_assert_max_num_queries(8):
        assert client.get(URL).status_code == 200
