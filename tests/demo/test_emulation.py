"""The emulation demo alone: every record of the data file once, linked to the campaigns and demo articles only."""

import io

import pytest

from campaigns.models import Award, Contest, Document, Exemplar, GoodModel, Unit
from portal.demo.data import load
from portal.demo.emulation import award_key, key_of_award, seed
from tests.factories import make_article, make_campaign

pytestmark = pytest.mark.django_db


def rows() -> list:
    return [
        sorted(model.objects.values_list("pk", flat=True))
        for model in (Unit, GoodModel, Exemplar, Award, Contest, Document)
    ]


def test_emulation_demo_runs_twice_without_duplicates_and_without_articles():
    seed(stdout=io.StringIO(), with_files=False)
    first = rows()
    seed(stdout=io.StringIO(), with_files=False)
    assert rows() == first

    data = load("emulation")
    for model, entries in [(Unit, "units"), (GoodModel, "good_models"), (Exemplar, "exemplars"), (Contest, "contests")]:
        assert sorted(model.objects.values_list("slug", flat=True)) == sorted(e["slug"] for e in data[entries])
    revoked = {award_key(e["decision_number"], *e["recipient"].values()) for e in data["awards"] if "revoked" in e}
    assert {key_of_award(a) for a in Award.objects.filter(status=Award.Status.REVOKED)} == revoked
    assert not Award.objects.public().filter(status=Award.Status.REVOKED).exists()
    prizes = [prize["prize"] for contest in data["contests"] for prize in contest.get("prizes", [])]
    public_prizes = Award.objects.public().filter(contest__isnull=False).values_list("prize", flat=True)
    assert sorted(public_prizes) == sorted(prizes)


def test_emulation_demo_links_the_campaigns_it_names_but_not_articles_people_wrote():
    campaign = make_campaign(code="01-KL/TW", kind="ket-luan")
    make_campaign(code="05-CT/TW")
    smile = make_article("Lan tỏa mô hình Nụ cười tiếp dân", body="<p>Theo Kế hoạch số 35-KH/ĐU của Đảng ủy.</p>")
    out = io.StringIO()
    seed(stdout=out, with_files=False)

    for entry in load("emulation")["good_models"]:
        model = GoodModel.objects.get(slug=entry["slug"])
        assert {c.code for c in model.campaigns.all()} == set(entry["campaigns"]) & {"01-KL/TW", "05-CT/TW"}
    assert Document.objects.get(number="35-KH/ĐU").campaign == campaign
    assert not smile.good_models.exists() and not smile.documents.exists()
    assert f"{GoodModel.objects.count()} mô hình hay" in out.getvalue()
