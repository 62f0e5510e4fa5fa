"""Every change a reader should see makes cached pages fresh at once, not after PAGE_CACHE_SECONDS."""

import datetime
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from news.comments.models import Comment
from news.models import Article
from news.services import publish_article, withdraw_article
from news.viewcounts.models import ArticleDailyViews, ViewFlush
from portal.pagecache import store
from portal.polls.models import Poll, PollChoice
from portal.privacy.models import PrivacyPolicy
from portal.site_parts.models import Slogan, WebLink
from portal.visitors.models import SiteVisitDay
from tests.comments.helpers import post
from tests.factories import make_article

from .conftest import cache_state, reader

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article("Đảng bộ Sở tổ chức hội nghị chuyên đề", view_count=5)


def cached(browser, url: str) -> str:
    """Fill the cache with `url` and check that it is served from there."""
    browser.get(url)
    response = browser.get(url)
    assert cache_state(response) == "hit"
    return response.content.decode()


def test_publishing_shows_the_article_at_once(article, editor, django_capture_on_commit_callbacks):
    browser = reader()
    draft = make_article("Bài mới được đăng sáng nay", status=Article.Status.IN_REVIEW, published_at=None)
    assert draft.title not in cached(browser, "/")
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article=draft, by=editor)
    assert draft.title in browser.get("/").content.decode()


def test_an_edit_shows_at_once(article):
    browser = reader()
    cached(browser, article.get_absolute_url())
    article.title = "Đảng bộ Sở tổ chức hội nghị chuyên đề (cập nhật)"
    article.save()
    assert "(cập nhật)" in browser.get(article.get_absolute_url()).content.decode()


def test_withdrawing_removes_the_article_at_once(article, editor, django_capture_on_commit_callbacks):
    browser = reader()
    cached(browser, article.get_absolute_url())
    assert article.title in cached(browser, "/")
    with django_capture_on_commit_callbacks(execute=True):  # news' own cached lists are refreshed on commit
        withdraw_article(article=article, by=editor, reason="Sai số liệu")
    assert browser.get(article.get_absolute_url()).status_code == 404
    assert article.title not in browser.get("/").content.decode()


def test_a_comment_approved_in_the_admin_shows_at_once(article, editor, client):
    comment = Comment.objects.create(
        article=article,
        name="Lê Văn Cường",
        email="c@example.vn",
        text="Ý kiến đóng góp rất hay",
        ip_address="10.0.0.9",
    )
    client.force_login(editor)  # a login saves the user (last_login): before the page is cached
    browser = reader()
    assert "Ý kiến đóng góp rất hay" not in cached(browser, article.get_absolute_url())
    # The admin's action approves with a bulk update (no post_save): the POST's UPDATE is seen, the generation bumped.
    response = client.post(
        reverse("admin:comments_comment_changelist"), {"action": "approve", "_selected_action": [comment.pk]}
    )
    assert response.status_code == 302
    assert Comment.objects.get(pk=comment.pk).status == Comment.Status.APPROVED
    assert "Ý kiến đóng góp rất hay" in browser.get(article.get_absolute_url()).content.decode()


def test_a_poll_vote_shows_in_the_results_at_once():
    poll = Poll.objects.create(
        question="Bạn đọc tin trên thiết bị nào?", opens_at=timezone.now() - datetime.timedelta(days=1)
    )
    choice = PollChoice.objects.create(poll=poll, text="Điện thoại", position=0)
    watcher, voter = reader(), reader()
    watcher.get(poll.get_absolute_url())
    voter.post(reverse("polls:vote", kwargs={"pk": poll.pk}), {"choice": choice.pk})
    assert "1 lượt" in watcher.get(poll.get_absolute_url()).content.decode().replace("\xa0", " ")


def test_a_site_part_change_shows_at_once(article):
    browser = reader()
    cached(browser, "/")
    slogan = Slogan.objects.create(text="Nhiệt liệt chào mừng Đại hội Đảng bộ Sở", position=1)
    assert slogan.text in cached(browser, "/")
    slogan.is_active = False
    slogan.save()
    assert slogan.text not in browser.get("/").content.decode()


def test_a_bulk_switch_in_the_admin_shows_at_once(article, administrator, client):
    link = WebLink.objects.create(name="Cổng thông tin điện tử tỉnh Long An", url="https://longan.gov.vn")
    client.force_login(administrator)  # a login saves the user (last_login): before the page is cached
    browser = reader()
    assert link.name in cached(browser, "/")
    # The admin's switch is a bulk update (no post_save): the POST's UPDATE is seen, the generation bumped.
    response = client.post(
        reverse("admin:site_parts_weblink_changelist"), {"action": "switch_off", "_selected_action": [link.pk]}
    )
    assert response.status_code == 302 and not WebLink.objects.get(pk=link.pk).is_active
    assert link.name not in browser.get("/").content.decode()


def test_a_tag_added_to_an_article_shows_on_the_tag_page(article):
    other = make_article("Bài có thẻ", tags=["chuyên đề"])
    browser = reader()
    tag_url = reverse("news:tag", kwargs={"slug": other.tags.get().slug})
    before = cached(browser, tag_url).count(article.get_absolute_url())  # the sidebar's latest news lists it too
    article.tags.add("chuyên đề")
    assert browser.get(tag_url).content.decode().count(article.get_absolute_url()) > before


def test_a_scheduled_article_appears_at_its_time(article, settings):
    settings.PAGE_CACHE_SECONDS = 3600  # longer than the wait: only the scheduled time can end the entry
    start = timezone.now()
    scheduled = make_article("Bài hẹn giờ đăng lúc 10 giờ", published_at=start + datetime.timedelta(minutes=10))
    browser = reader()
    with time_machine.travel(start, tick=False) as clock:
        assert scheduled.title not in cached(browser, "/")
        clock.shift(datetime.timedelta(minutes=9))
        assert cache_state(browser.get("/")) == "hit"  # no change yet: still served from the cache
        clock.shift(datetime.timedelta(minutes=1, seconds=1))
        page = browser.get("/")
        assert cache_state(page) == "miss" and scheduled.title in page.content.decode()


def test_a_featured_story_leaves_the_home_page_lead_at_its_time(article, settings):
    settings.PAGE_CACHE_SECONDS = 3600
    start = timezone.now()
    lead = make_article(
        "Tin nổi bật đến 9 giờ", is_featured=True, featured_position=1, featured_until=start + timedelta(minutes=5)
    )

    def lead_link(html: str) -> str:
        return html.split('class="featured__media" href="', 1)[1].split('"', 1)[0]

    browser = reader()
    with time_machine.travel(start, tick=False) as clock:
        assert lead_link(cached(browser, "/")) == lead.get_absolute_url()
        clock.shift(timedelta(minutes=5, seconds=1))
        page = browser.get("/")
    assert cache_state(page) == "miss" and lead_link(page.content.decode()) != lead.get_absolute_url()


def test_counters_and_visits_leave_cached_pages_alone(article):
    browser = reader()
    cached(browser, "/")
    SiteVisitDay.objects.update_or_create(day=timezone.localdate(), defaults={"visits": 99})
    ArticleDailyViews.objects.create(article=article, day=timezone.localdate() - datetime.timedelta(days=3), views=4)
    assert cache_state(browser.get("/")) == "hit"


def test_a_flush_of_buffered_views_refreshes_the_counts_pages_show(article):
    browser = reader()
    cached(browser, article.get_absolute_url())
    ViewFlush.objects.create(flush_id="test-batch", views=3)
    assert cache_state(browser.get(article.get_absolute_url())) == "miss"


def test_a_transaction_bumps_again_once_when_it_commits(article):
    from django.db import connection

    from portal.pagecache.invalidation import _bump_after_commit

    article.title = "Lần sửa thứ nhất"
    article.save()
    make_article("Một bài nữa trong cùng giao dịch")  # tests run inside a transaction
    after_commit = [callback for _sids, callback, _robust in connection.run_on_commit if callback is _bump_after_commit]
    assert len(after_commit) == 1
    before = store._current_generation(None)
    after_commit[0]()
    assert store._current_generation(None) != before


def test_ignored_models_are_still_deleted_in_bulk(article, django_assert_num_queries):
    """Nobody listens to the counters' models, so pruning thousands of marks stays one DELETE, not a fetch."""
    from news.viewcounts.models import ArticleViewMark

    with django_assert_num_queries(1):
        ArticleViewMark.objects.filter(article=article).delete()


def test_a_poll_vote_leaves_the_cached_pages_alone(article):
    """Votes show only on the poll's own page (never cached): a vote on a busy poll must not empty the cache."""
    poll = Poll.objects.create(question="Bạn đọc tin lúc nào?", opens_at=timezone.now() - datetime.timedelta(days=1))
    choice = PollChoice.objects.create(poll=poll, text="Buổi sáng", position=0)
    browser = reader()
    assert poll.question in cached(browser, "/")
    assert reader().post(reverse("polls:vote", kwargs={"pk": poll.pk}), {"choice": choice.pk}).status_code == 302
    assert cache_state(browser.get("/")) == "hit"


@pytest.mark.parametrize(
    ("sql", "writes"),
    [
        ('UPDATE "news_comment" SET "status" = %s WHERE "id" IN (1)', True),
        ('INSERT INTO "news_article" ("title") VALUES (%s)', True),
        ('DELETE FROM "portal_weblink" WHERE "id" = 3', True),
        ('INSERT INTO "news_articleviewmark" ("visitor") VALUES (%s) ON CONFLICT DO NOTHING', False),
        ('UPDATE "django_session" SET "session_data" = %s', False),
        ('SELECT "news_article"."id" FROM "news_article"', False),
    ],
)
def test_bulk_writes_to_content_tables_are_recognised(sql, writes):
    from portal.pagecache.invalidation import writes_content

    assert writes_content(sql) is writes


def test_a_staff_members_second_factor_leaves_the_cached_pages_alone(article, editor, client, settings):
    """Each code checked saves the person's device (its throttle, its last code): no reader sees those rows, and a
    staff member mistyping a code, or anyone holding a password trying codes, must not empty every cached page."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    settings.STAFF_2FA = True
    TOTPDevice.objects.create(user=editor, name="totp", confirmed=True)
    client.force_login(editor)  # a sign-in writes last_login on the account: that one may bump
    browser = reader()
    cached(browser, "/")
    response = client.post(reverse("accounts:two-factor"), {"code": "000000"})
    assert response.status_code == 200 and TOTPDevice.objects.get(user=editor).throttling_failure_count == 1
    assert cache_state(browser.get("/")) == "hit"


def test_a_readers_comment_waiting_for_moderation_leaves_cached_pages_alone(article):
    """A comment readers cannot see yet changes no page: a stream of readers' comments must not empty the cache."""
    PrivacyPolicy.ensure_published()  # the first consent ever publishes the policy (a page): done before
    browser = reader()
    cached(browser, article.get_absolute_url())
    response = post(reader(), article)
    assert response.status_code == 302
    assert Comment.objects.get().status == Comment.Status.PENDING
    assert cache_state(browser.get(article.get_absolute_url())) == "hit"


def test_an_approved_comment_hidden_again_by_a_save_leaves_at_once(article):
    comment = Comment.objects.create(
        article=article, name="Lê Văn Cường", email="c@example.vn", text="Ý kiến đã duyệt", status="approved"
    )
    browser = reader()
    assert "Ý kiến đã duyệt" in cached(browser, article.get_absolute_url())
    comment.status = Comment.Status.REJECTED
    comment.save()  # an update of a row readers saw: it bumps, even though readers no longer see the row
    assert "Ý kiến đã duyệt" not in browser.get(article.get_absolute_url()).content.decode()


def test_a_readers_question_leaves_cached_pages_alone(article):
    from tests.questions.helpers import ask, make_topic

    make_topic()  # the topic and the policy exist before the page is cached (rows readers see: they bump)
    PrivacyPolicy.ensure_published()
    browser = reader()
    cached(browser, "/")
    assert ask(reader()).status_code == 302
    assert cache_state(browser.get("/")) == "hit"
