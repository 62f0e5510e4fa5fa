"""RSS 2.0 and Atom feeds, parsed back with feedparser."""

import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Article
from tests.factories import make_article, make_campaign, make_category

pytestmark = pytest.mark.django_db

SITE = "https://dangbo.example.gov.vn"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, feedparser.parse(response.content)


class LatestFeedTests:
    @pytest.mark.parametrize("name,version", [("news:feed-rss", "rss20"), ("news:feed-atom", "atom10")])
    def test_latest_news_feed_parses_with_absolute_links(self, client, name, version):
        newest = make_article(
            "Đảng ủy Sở học tập và làm theo Bác",
            author_name="T. Hùng",
            published_at=timezone.now() - datetime.timedelta(hours=1),
        )
        older = make_article("Hội thi tìm hiểu", published_at=timezone.now() - datetime.timedelta(days=3))
        make_article("Bản nháp", status=Article.Status.DRAFT)
        make_article("Hẹn giờ", published_at=timezone.now() + datetime.timedelta(days=1))

        _response, feed = parse(client, reverse(name))

        assert not feed.bozo, feed.bozo_exception
        assert feed.version == version
        assert feed.feed.title.startswith("Tin mới")
        assert [entry.title for entry in feed.entries] == [newest.title, older.title]
        entry = feed.entries[0]
        assert entry.link == SITE + newest.get_absolute_url()
        assert newest.lead in entry.summary
        assert entry.author == "T. Hùng"
        assert entry.published_parsed is not None

    def test_a_feed_holds_twenty_items_in_a_bounded_number_of_queries(self, client, django_assert_max_num_queries):
        for n in range(25):
            make_article(f"Tin số {n}", tags=["a"])
        with django_assert_max_num_queries(3):
            _response, feed = parse(client, reverse("news:feed-rss"))
        assert len(feed.entries) == 20


class CategoryAndCampaignFeedTests:
    def test_category_feeds_list_the_category_and_its_children(self, client):
        parent = make_category("Học tập và làm theo Bác")
        child = make_category("Gương điển hình", parent=parent)
        in_child = make_article("Gương sáng", category=child)
        make_article("Tin khác", category=make_category("Khác"))
        for name in ("news:category-feed-rss", "news:category-feed-atom"):
            _response, feed = parse(client, reverse(name, kwargs={"slug": parent.slug}))
            assert [entry.title for entry in feed.entries] == [in_child.title]
            assert feed.feed.title.startswith(parent.name)

    def test_campaign_feeds_list_the_campaigns_articles(self, client):
        campaign = make_campaign(code="05-CT/TW")
        in_campaign = make_article("Thực hiện Chỉ thị 05", campaigns=[campaign])
        make_article("Tin khác")
        for name in ("news:campaign-feed-rss", "news:campaign-feed-atom"):
            _response, feed = parse(client, reverse(name, kwargs={"slug": campaign.slug}))
            assert [entry.link for entry in feed.entries] == [SITE + in_campaign.get_absolute_url()]

    def test_unknown_slug_is_404(self, client):
        assert client.get(reverse("news:category-feed-rss", kwargs={"slug": "khong-co"})).status_code == 404
        assert client.get(reverse("news:campaign-feed-atom", kwargs={"slug": "khong-co"})).status_code == 404


class AlternateLinkTests:
    def test_pages_link_their_feeds(self, client):
        category = make_category("Gương điển hình")
        campaign = make_campaign()
        article = make_article(category=category, campaigns=[campaign])
        latest_rss = reverse("news:feed-rss")
        for url in (reverse("home"), article.get_absolute_url(), category.get_absolute_url()):
            html = client.get(url).content.decode()
            assert (
                f'<link rel="alternate" type="application/rss+xml" title="Tin mới (RSS)" href="{latest_rss}">' in html
            )
            assert 'type="application/atom+xml"' in html
        html = client.get(category.get_absolute_url()).content.decode()
        assert reverse("news:category-feed-rss", kwargs={"slug": category.slug}) in html
        assert reverse("news:category-feed-atom", kwargs={"slug": category.slug}) in html
        html = client.get(campaign.get_absolute_url()).content.decode()
        assert reverse("news:campaign-feed-rss", kwargs={"slug": campaign.slug}) in html


def test_characters_xml_cannot_carry_never_break_a_feed(client):
    """A vertical tab pasted from Word into a title used to make every feed a 500."""
    category = make_category("Tin\x0choạt động")
    campaign = make_campaign(code="05-CT/TW", title="Về\x0bđẩy mạnh")
    make_article(
        "Hội nghị\x0bsơ kết", lead="Sáng\x01nay", author_name="T.\x1fHùng", category=category, campaigns=[campaign]
    )
    urls = [reverse("news:feed-rss"), reverse("news:feed-atom")]
    urls += [reverse(f"news:category-feed-{kind}", args=[category.slug]) for kind in ("rss", "atom")]
    urls += [reverse(f"news:campaign-feed-{kind}", args=[campaign.slug]) for kind in ("rss", "atom")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        feed = feedparser.parse(response.content)
        assert not feed.bozo, (url, feed.bozo_exception)
        assert feed.entries[0].title == "Hội nghị sơ kết"
