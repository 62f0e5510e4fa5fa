import pytest

from campaigns.models import Document, Theme
from tests.factories import make_article, make_campaign, make_issuer, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def campaign():
    directive = make_campaign(code="05-CT/TW")
    conclusion = make_campaign(code="01-KL/TW", kind="ket-luan", continues=directive)
    return conclusion


def test_campaign_page_shows_themes_by_year_documents_and_articles(client, campaign):
    term = make_theme(campaign, year=2021, year_end=2025, title="Ý chí tự lực, tự cường")
    provincial = make_theme(
        campaign,
        year=2022,
        scope=Theme.Scope.PROVINCIAL,
        title="Các phẩm chất của cán bộ, đảng viên",
        issuer=make_issuer("Tỉnh ủy Long An"),
    )
    Document.objects.create(
        kind=Document.Kind.PLAN,
        number="185-KH/ĐU",
        issuer=campaign.issuer,
        issued_on="2021-08-20",
        abstract="Kế hoạch thực hiện Kết luận 01-KL/TW",
        campaign=campaign,
    )
    make_article("Hội nghị học tập chuyên đề toàn khóa", campaigns=[campaign])
    response = client.get(campaign.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kết luận 01-KL/TW" in html
    assert "2021-2025" in html and term.get_absolute_url() in html
    assert provincial.get_absolute_url() in html
    assert "Kế hoạch 185-KH/ĐU" in html
    assert "Hội nghị học tập chuyên đề toàn khóa" in html
    assert "Chỉ thị 05-CT/TW" in html  # the campaign it continues


def test_theme_page_lists_its_articles_only(client, campaign):
    theme = make_theme(campaign, year=2022, title="Các phẩm chất của cán bộ, đảng viên")
    make_article("Bài thuộc chuyên đề", themes=[theme])
    make_article("Bài khác", campaigns=[campaign])
    response = client.get(theme.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Các phẩm chất của cán bộ, đảng viên" in html
    assert "Bài thuộc chuyên đề" in html
    assert "Bài khác" not in html


def test_theme_of_another_campaign_is_404(client, campaign):
    theme = make_theme(campaign, year=2022)
    other = make_campaign(code="03-CT/TW")
    assert client.get(f"/phong-trao/{other.slug}/chuyen-de/{theme.slug}/").status_code == 404
    assert client.get("/phong-trao/khong-co/").status_code == 404


def test_campaign_list(client, campaign):
    response = client.get("/phong-trao/")
    assert response.status_code == 200
    assert "Kết luận 01-KL/TW" in response.content.decode()


@pytest.mark.parametrize("n_articles", [2, 25])
def test_campaign_and_theme_pages_have_bounded_queries(client, campaign, n_articles, django_assert_max_num_queries):
    theme = make_theme(campaign, year=2022)
    for _ in range(n_articles):
        make_article(campaigns=[campaign], themes=[theme], tags=["x"])
    client.get(campaign.get_absolute_url())
    with django_assert_max_num_queries(10):
        assert client.get(campaign.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(theme.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get("/phong-trao/").status_code == 200
