import pytest
from django.db import IntegrityError, transaction

from campaigns.models import Theme
from tests.factories import make_campaign, make_issuer, make_theme

pytestmark = pytest.mark.django_db


def test_campaign_is_named_as_articles_name_it():
    campaign = make_campaign(code="05-CT/TW")
    assert campaign.name == "Chỉ thị 05-CT/TW"
    assert campaign.slug == "05-ct-tw"
    assert campaign.get_absolute_url() == "/phong-trao/05-ct-tw/"


def test_a_campaign_may_continue_another():
    directive = make_campaign(code="05-CT/TW")
    conclusion = make_campaign(code="01-KL/TW", kind="ket-luan", continues=directive)
    assert list(directive.continuations.all()) == [conclusion]
    assert conclusion.name == "Kết luận 01-KL/TW"


def test_term_theme_covers_each_year_of_the_term():
    campaign = make_campaign()
    term = make_theme(campaign, year=2021, year_end=2025, scope=Theme.Scope.NATIONAL)
    yearly = make_theme(campaign, year=2022, scope=Theme.Scope.PROVINCIAL, issuer=make_issuer("Tỉnh ủy Long An"))
    assert term.years_label == "2021-2025"
    assert set(Theme.objects.covering(2022)) == {term, yearly}
    assert list(Theme.objects.covering(2024)) == [term]
    assert list(Theme.objects.covering(2026)) == []


def test_several_themes_may_share_a_year_but_not_campaign_scope_and_issuer():
    campaign = make_campaign()
    make_theme(campaign, year=2022, scope=Theme.Scope.PROVINCIAL)
    make_theme(campaign, year=2022, scope=Theme.Scope.DEPARTMENT)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(campaign, year=2022, scope=Theme.Scope.PROVINCIAL)


def test_theme_end_year_cannot_precede_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_theme(year=2025, year_end=2021)


def test_theme_slug_is_readable_and_unique_within_its_campaign():
    campaign = make_campaign(code="01-KL/TW")
    theme = make_theme(campaign, year=2022, scope=Theme.Scope.PROVINCIAL)
    assert theme.slug == "2022-cap-tinh"
    assert theme.get_absolute_url() == "/phong-trao/01-kl-tw/chuyen-de/2022-cap-tinh/"
