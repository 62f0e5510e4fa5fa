"""The admin of the emulation records, in Vietnamese, for administrators and editors."""

import pytest
from django.urls import reverse

from campaigns.models import Award, Contest, GoodModel
from tests.factories import (
    make_award,
    make_campaign,
    make_contest,
    make_document,
    make_exemplar,
    make_good_model,
    make_issuer,
    make_unit,
)

pytestmark = pytest.mark.django_db

MODELS = ["unit", "goodmodel", "exemplar", "award", "contest", "document"]


def inline_management(prefix, total=1, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


@pytest.mark.parametrize("model", MODELS)
def test_administrator_opens_every_list_and_form(client, administrator, model):
    make_award(good_model=make_good_model(), contest=make_contest(), campaign=make_campaign())
    make_document()
    client.force_login(administrator)
    changelist = client.get(reverse(f"admin:campaigns_{model}_changelist"), {"q": "đảng"})
    assert changelist.status_code == 200
    assert "Báo cáo thi đua" in changelist.content.decode()
    assert client.get(reverse(f"admin:campaigns_{model}_add")).status_code == 200


def test_editor_manages_records_but_not_units(client, editor):
    client.force_login(editor)
    for model in ["goodmodel", "exemplar", "award", "contest", "document"]:
        assert client.get(reverse(f"admin:campaigns_{model}_add")).status_code == 200
    assert client.get(reverse("admin:campaigns_unit_add")).status_code == 403
    assert client.get(reverse("admin:campaigns_unit_changelist")).status_code == 200  # view only


def test_editor_adds_a_good_model_with_the_award_it_received(client, editor):
    unit, issuer, campaign = make_unit("Chi bộ Văn phòng"), make_issuer("Ủy ban nhân dân tỉnh"), make_campaign()
    client.force_login(editor)
    data = {
        "name": "Nụ cười tiếp dân",
        "unit": unit.pk,
        "started_on": "2024-02-01",
        "summary": "Tiếp dân với nụ cười.",
        "results": "950 buổi tiếp dân",
        "campaigns": [campaign.pk],
        **inline_management("awards"),
        "awards-0-form": Award.Form.CERTIFICATE_OF_MERIT,
        "awards-0-level": Award.Level.PROVINCE,
        "awards-0-year": "2024",
        "awards-0-issuer": issuer.pk,
        "awards-0-decision_number": "1234/QĐ-UBND",
        "awards-0-decided_on": "2024-05-19",
        "awards-0-status": Award.Status.VALID,
        "_save": "Lưu",
    }
    response = client.post(reverse("admin:campaigns_goodmodel_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors or [
        f.errors for f in response.context["inline_admin_formsets"][0].formset.forms
    ]
    good_model = GoodModel.objects.get()
    assert good_model.slug == "nu-cuoi-tiep-dan"
    assert good_model.awards.get().decision_number == "1234/QĐ-UBND"


def test_a_prize_with_two_recipients_is_refused_and_nothing_is_saved(client, editor):
    issuer, exemplar, unit = make_issuer(), make_exemplar(), make_unit()
    client.force_login(editor)
    data = {
        "title": "Hội thi tìm hiểu về Bác",
        "kind": Contest.Kind.CONTEST,
        "held_on": "2024-05-19",
        **inline_management("awards"),
        "awards-0-form": Award.Form.PRIZE,
        "awards-0-prize": "Giải Nhất",
        "awards-0-level": Award.Level.DEPARTMENT,
        "awards-0-year": "2024",
        "awards-0-issuer": issuer.pk,
        "awards-0-decision_number": "12/QĐ-ĐU",
        "awards-0-decided_on": "2024-05-19",
        "awards-0-exemplar": exemplar.pk,
        "awards-0-unit": unit.pk,
        "awards-0-status": Award.Status.VALID,
        "_save": "Lưu",
    }
    response = client.post(reverse("admin:campaigns_contest_add"), data)
    assert response.status_code == 200
    assert "Chọn đúng một đối tượng được khen" in response.content.decode()
    assert not Contest.objects.exists() and not Award.objects.exists()
    del data["awards-0-unit"]
    assert client.post(reverse("admin:campaigns_contest_add"), data).status_code == 302
    assert Contest.objects.get().awards.get().exemplar == exemplar


def test_revoking_needs_the_revoking_decision(client, editor):
    award = make_award()
    client.force_login(editor)
    url = reverse("admin:campaigns_award_change", args=[award.pk])
    data = {
        "form": award.form,
        "level": award.level,
        "year": award.year,
        "issuer": award.issuer_id,
        "decision_number": award.decision_number,
        "decided_on": "2023-05-19",
        "exemplar": award.exemplar_id,
        "status": Award.Status.REVOKED,
        "_save": "Lưu",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "phải có số và ngày quyết định hủy bỏ" in response.content.decode()
    response = client.post(url, {**data, "revoked_by_number": "88/QĐ-UBND", "revoked_on": "2024-01-05"})
    assert response.status_code == 302
    assert not Award.objects.public().exists()


def test_document_admin_search_ignores_diacritics(client, editor):
    make_document("185-KH/ĐU", abstract="Kế hoạch học tập chuyên đề năm 2024")
    make_document("4379/UBND-TH", kind="cong-van", abstract="Về hội thi")
    client.force_login(editor)
    html = client.get(reverse("admin:campaigns_document_changelist"), {"q": "hoc tap chuyen de"}).content.decode()
    assert "185-KH/ĐU" in html and "4379/UBND-TH" not in html
