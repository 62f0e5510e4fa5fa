"""Saving in the admin when the database or the disk says no: a Vietnamese form error, never a 500.

A race is played by letting the first validation miss the other administrator's row (as it does when both press
"Lưu" at the same instant); the database's constraint then refuses the INSERT.
"""

import errno
import os

import pytest
from django.conf import settings
from django.contrib.admin import ModelAdmin
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Model
from django.urls import reverse

from campaigns.models import Campaign, Document, Theme, Unit
from news.models import Tag
from portal.site_parts.models import BannerLink
from tests.factories import make_campaign, make_issuer, make_theme, make_unit
from tests.news.test_images import camera_jpeg

pytestmark = pytest.mark.django_db

RACE_MESSAGE = "vừa có người lưu một mục trùng với mục này"
DISK_MESSAGE = "ổ đĩa của máy chủ đã đầy hoặc không cho ghi"


@pytest.fixture
def race(monkeypatch):
    """Validation misses the other administrator's row until this request first tries to save."""
    state = {"blind": True, "saves": 0}

    def blind(original):
        def check(instance, *args, **kwargs):
            if not state["blind"]:
                original(instance, *args, **kwargs)

        return check

    monkeypatch.setattr(Model, "validate_unique", blind(Model.validate_unique))
    monkeypatch.setattr(Model, "validate_constraints", blind(Model.validate_constraints))
    save_model = ModelAdmin.save_model

    def saving(admin, *args):
        state["blind"] = False
        state["saves"] += 1
        return save_model(admin, *args)

    monkeypatch.setattr(ModelAdmin, "save_model", saving)
    return state


def management(prefix):
    return {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def theme_case():
    campaign = make_campaign()
    theme = make_theme(campaign, year=2021)  # saved by the other administrator
    data = {
        "campaign": campaign.pk,
        "year_start": "2021",
        "year_end": "2021",
        "scope": theme.scope,
        "issuer": theme.issuer_id,
        "title": "Chuyên đề năm 2021 (bản của người thứ hai)",
    }
    return "admin:campaigns_theme_add", data, Theme.objects.filter(campaign=campaign)


def campaign_case():
    make_campaign("05-CT/TW")
    data = {
        "code": "05-CT/TW",
        "kind": Campaign.Kind.DIRECTIVE,
        "title": "Về đẩy mạnh học tập và làm theo Bác",
        "issuer": make_issuer().pk,
        "issued_on": "2016-05-15",
        "position": "0",
        **management("themes"),
    }
    return "admin:campaigns_campaign_add", data, Campaign.objects.filter(code="05-CT/TW")


def unit_case():
    make_unit("Chi bộ Văn phòng")
    data = {"name": "Chi bộ Văn phòng", "kind": Unit.Kind.PARTY_CELL, "position": "0", "is_active": "on"}
    return "admin:campaigns_unit_add", data, Unit.objects.filter(name="Chi bộ Văn phòng")


def tag_case():
    Tag.objects.create(name="Chuyển đổi số")
    return "admin:news_tag_add", {"name": "Chuyển đổi số"}, Tag.objects.filter(name="Chuyển đổi số")


@pytest.mark.parametrize("case", [theme_case, campaign_case, unit_case, tag_case], ids=lambda case: case.__name__)
def test_a_unique_value_saved_by_someone_else_at_the_same_instant_is_a_form_error(client, administrator, race, case):
    url_name, data, rows = case()
    client.force_login(administrator)
    response = client.post(reverse(url_name), {**data, "_save": "Lưu"})
    assert response.status_code == 200
    assert RACE_MESSAGE in response.content.decode()
    assert rows.count() == 1  # the other administrator's only
    assert race["saves"] == 1  # refused by the database once, then shown again with the form's own check


def test_a_document_number_whose_key_is_too_long_is_a_form_error(client, editor):
    client.force_login(editor)
    number = "5-" + "a1" * 29  # 60 characters; its key spells every part out: "5-A-1-A-1-..." (117)
    data = {
        "kind": Document.Kind.PLAN,
        "number": number,
        "issuer": make_issuer().pk,
        "issued_on": "2024-01-01",
        "abstract": "Kế hoạch thử",
        "_save": "Lưu",
    }
    response = client.post(reverse("admin:campaigns_document_add"), data)
    assert response.status_code == 200
    assert "Số, ký hiệu quá dài hoặc có quá nhiều phần" in response.content.decode()
    assert not Document.objects.exists()


def test_a_number_of_compatibility_letters_is_measured_after_folding(client, editor):
    client.force_login(editor)
    data = {
        "kind": Document.Kind.PLAN,
        "number": "5-" + "\ufb00" * 58,  # the "ff" ligature folds to two letters
        "issuer": make_issuer().pk,
        "issued_on": "2024-01-01",
        "abstract": "Kế hoạch thử",
        "_save": "Lưu",
    }
    response = client.post(reverse("admin:campaigns_document_add"), data)
    assert response.status_code == 200
    assert "quá dài" in response.content.decode()


def media_files() -> set[str]:
    return {str(path) for path in settings.MEDIA_ROOT.rglob("*") if path.is_file()}


@pytest.fixture
def full_disk(monkeypatch):
    """The disk fills up halfway through every file: half of it is written, then ENOSPC."""

    def half_then_full(storage, name, content):
        path = storage.path(name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = content.read()
        with open(path, "wb") as partial:
            partial.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device", path)

    monkeypatch.setattr(FileSystemStorage, "_save", half_then_full)


def test_a_picture_on_a_full_disk_is_a_form_error_and_leaves_no_partial_file(client, administrator, full_disk):
    client.force_login(administrator)
    before = media_files()
    data = {
        "title": "Cổng thông tin Chính phủ",
        "url": "https://chinhphu.vn",
        "position": "0",
        "is_active": "on",
        "image": SimpleUploadedFile("anh.jpg", camera_jpeg(), content_type="image/jpeg"),
        "_save": "Lưu",
    }
    response = client.post(reverse("admin:site_parts_bannerlink_add"), data)
    assert response.status_code == 200
    assert DISK_MESSAGE in response.content.decode()
    assert not BannerLink.objects.exists()
    assert media_files() == before


def test_the_editor_upload_on_a_full_disk_answers_json_ckeditor_shows(client, editor, full_disk):
    client.force_login(editor)
    before = media_files()
    upload = SimpleUploadedFile("ảnh.jpg", camera_jpeg(), content_type="image/jpeg")
    response = client.post(reverse("ck_editor_5_upload_file"), {"upload": upload})
    assert response.status_code == 507
    assert DISK_MESSAGE in response.json()["error"]["message"]
    assert media_files() == before


def test_the_editor_upload_removes_the_picture_when_its_resized_copies_do_not_fit(client, editor, monkeypatch):
    """The disk fills up after the picture itself: neither it nor the copies already made stay behind."""
    client.force_login(editor)
    before = media_files()
    save = FileSystemStorage._save
    written = []

    def full_after_two(storage, name, content):
        if len(written) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(name)
        return save(storage, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", full_after_two)
    upload = SimpleUploadedFile("ảnh.jpg", camera_jpeg(), content_type="image/jpeg")
    response = client.post(reverse("ck_editor_5_upload_file"), {"upload": upload})
    assert response.status_code == 507
    assert DISK_MESSAGE in response.json()["error"]["message"]
    assert len(written) == 2
    assert media_files() == before


@pytest.fixture
def database_refuses_closing_polls(django_db_blocker):
    """A trigger makes the database refuse to switch a poll off, as a constraint lost to a race would."""
    from django.db import connection

    if connection.vendor == "postgresql":
        create = [
            "CREATE FUNCTION refuse_poll_off() RETURNS trigger AS $$ BEGIN "
            "IF NEW.is_active = false THEN RAISE unique_violation USING MESSAGE = 'duplicate key'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql",
            "CREATE TRIGGER refuse_poll_off BEFORE UPDATE ON portal_poll "
            "FOR EACH ROW EXECUTE FUNCTION refuse_poll_off()",
        ]
        drop = ["DROP TRIGGER refuse_poll_off ON portal_poll", "DROP FUNCTION refuse_poll_off()"]
    else:
        create = [
            "CREATE TRIGGER refuse_poll_off BEFORE UPDATE ON portal_poll WHEN NEW.is_active = 0 "
            "BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: portal_poll.is_active'); END"
        ]
        drop = ["DROP TRIGGER refuse_poll_off"]
    with connection.cursor() as cursor:
        for statement in create:
            cursor.execute(statement)
    yield
    with connection.cursor() as cursor:
        for statement in drop:
            cursor.execute(statement)


def test_a_list_save_refused_by_the_database_is_a_message_not_a_500(
    client, administrator, database_refuses_closing_polls
):
    from portal.polls.models import Poll

    first = Poll.objects.create(question="Bạn đọc tin trên điện thoại hay máy tính?", is_active=True)
    second = Poll.objects.create(question="Bạn muốn đọc thêm chuyên mục nào?", is_active=True)
    client.force_login(administrator)
    data = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2", "form-MAX_NUM_FORMS": "1000", "_save": "Lưu"}
    for index, poll in enumerate(Poll.objects.order_by("-opens_at", "-pk")):
        data[f"form-{index}-id"] = str(poll.pk)
        if poll == second:
            data[f"form-{index}-is_active"] = "on"  # the first is switched off: the database refuses
    response = client.post(reverse("admin:polls_poll_changelist"), data)
    assert response.status_code == 200
    assert RACE_MESSAGE in response.content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.is_active and second.is_active
