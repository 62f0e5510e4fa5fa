import io

import pytest
from django.core.management import call_command

from campaigns.models import Award, Campaign, Contest, Document, Exemplar, GoodModel, Issuer, Unit
from portal.demo_content.emulation import seed
from tests.factories import make_article, make_campaign, make_document

pytestmark = pytest.mark.django_db


def counts():
    return [m.objects.count() for m in (Unit, GoodModel, Exemplar, Award, Contest, Document, Issuer)]


def test_emulation_demo_runs_twice_without_duplicates_and_without_articles():
    seed(stdout=io.StringIO(), with_files=False)
    first = counts()
    seed(stdout=io.StringIO(), with_files=False)
    assert counts() == first
    assert GoodModel.objects.count() == 12 and Exemplar.objects.count() >= 10
    assert Award.objects.filter(status=Award.Status.REVOKED).count() == 1
    assert Award.objects.public().filter(contest__isnull=False).count() == 4
    assert Contest.objects.count() == 2


def test_emulation_demo_links_campaigns_and_articles_that_exist():
    campaign = make_campaign(code="01-KL/TW", kind="ket-luan")
    make_campaign(code="05-CT/TW")
    make_document("185-KH/ĐU", campaign=campaign)
    smile = make_article("Lan tỏa mô hình Nụ cười tiếp dân", body="<p>Theo Kế hoạch số 185-KH/ĐU của Đảng ủy.</p>")
    out = io.StringIO()
    seed(stdout=out, with_files=False)
    model = GoodModel.objects.get(name="Nụ cười tiếp dân")
    assert campaign in model.campaigns.all()
    assert list(smile.good_models.all()) == [model]
    assert [d.number for d in smile.documents.all()] == ["185-KH/ĐU"]
    assert Campaign.objects.get(code="01-KL/TW").good_models.count() >= 8
    assert "12 mô hình hay" in out.getvalue()


def test_seed_demo_calls_the_emulation_demo(monkeypatch, tmp_path):
    from portal.management.commands import seed_demo

    content = tmp_path / "articles.json"
    content.write_text('{"slogans": [], "articles": []}', encoding="utf-8")
    monkeypatch.setattr(seed_demo, "CONTENT", content)
    call_command("seed_demo", "--no-images", stdout=io.StringIO())
    assert GoodModel.objects.count() == 12
    assert Document.objects.get(number="35-KH/ĐU").campaign.code == "01-KL/TW"
