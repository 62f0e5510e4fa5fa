"""A database as the last landed release left it migrates forward into the new apps without losing anything.

From that state (before comments, view counting, visits, polls and site parts had apps of their own), with rows
in every moved table, migrating to the latest state keeps every row, renames the content types instead of making
new ones (no stale type is left under the old label), and every role holds exactly the permissions it held.
"""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.roles import ADMINISTRATOR, EDITOR, WRITER, sync_roles

# The last migrations of the release before the re-lay; the new apps did not exist.
LANDED = [("campaigns", "0002_emulation_records_document_search"), ("news", "0008_view_counting")]
LANDED += [("portal", "0008_site_visits")]
NEW_APPS = ["comments", "viewcounts", "visitors", "polls", "site_parts"]
# model -> (label before, label after)
MOVED = {
    "comment": ("news", "comments"),
    "blockedword": ("news", "comments"),
    "commentsettings": ("news", "comments"),
    "articledailyviews": ("news", "viewcounts"),
    "articleviewmark": ("news", "viewcounts"),
    "viewflush": ("news", "viewcounts"),
    "sitevisitday": ("portal", "visitors"),
    "sitevisitmark": ("portal", "visitors"),
    "onlinevisitor": ("portal", "visitors"),
    "slogan": ("portal", "site_parts"),
    "bannerlink": ("portal", "site_parts"),
    "weblink": ("portal", "site_parts"),
    "video": ("portal", "site_parts"),
    "poll": ("portal", "polls"),
    "pollchoice": ("portal", "polls"),
    "pollvote": ("portal", "polls"),
}
DAY = datetime.date(2024, 4, 27)


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1]]).apps


def _fill(apps) -> dict:
    """One row in every moved table, as the old apps wrote them; returns what to look for afterwards."""
    news, portal = (lambda name: apps.get_model("news", name)), (lambda name: apps.get_model("portal", name))
    category = news("Category").objects.create(name="Tin tức", slug="tin-tuc")
    article = news("Article").objects.create(
        title="Bài cũ", slug="bai-cu", body="<p>.</p>", status="published", category=category, view_count=9
    )
    news("Comment").objects.create(article=article, name="An", email="an@example.vn", text="Ý kiến cũ")
    news("BlockedWord").objects.create(word="cờ bạc")
    news("ArticleDailyViews").objects.create(article=article, day=DAY, views=9)
    news("ArticleViewMark").objects.create(
        article=article, visitor="a" * 32, counted_at=datetime.datetime.now(datetime.UTC)
    )
    news("ViewFlush").objects.create(flush_id="f" * 32, views=4)
    portal("SiteVisitDay").objects.create(day=DAY, visits=42)
    portal("Slogan").objects.create(text="HỌC TẬP VÀ LÀM THEO BÁC")
    portal("WebLink").objects.create(name="Báo Long An", url="https://baolongan.vn/")
    poll = portal("Poll").objects.create(question="Bạn đọc tin bằng thiết bị nào?")
    choice = portal("PollChoice").objects.create(poll=poll, text="Điện thoại")
    portal("PollVote").objects.create(poll=poll, choice=choice, voter_key="k1")
    return {"article": article.pk}


def _content_types(apps) -> dict[str, tuple[int, str]]:
    content_type = apps.get_model("contenttypes", "ContentType")
    return {ct.model: (ct.pk, ct.app_label) for ct in content_type.objects.filter(model__in=MOVED)}


def _powers(apps) -> dict[str, set[tuple[int, str]]]:
    """Each role's permissions by id and codename: a renamed content type keeps its permissions' ids."""
    group = apps.get_model("auth", "Group")
    return {
        role: set(group.objects.get(name=role).permissions.values_list("pk", "codename"))
        for role in (WRITER, EDITOR, ADMINISTRATOR)
    }


@pytest.mark.django_db(transaction=True)
def test_the_last_release_migrates_forward_with_its_rows_types_and_powers():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    # The roles as the migrations make them (a flush before may have emptied them); migrating back to the last
    # release renames the content types back under their old labels, with the roles' grants on them.
    sync_roles(MigrationExecutor(connection).loader.project_state(latest).apps)
    old = _migrate([*LANDED, *((label, None) for label in NEW_APPS)])
    try:
        wanted = _fill(old)
        types_before, powers_before = _content_types(old), _powers(old)
        assert {label for _pk, label in types_before.values()} == {"news", "portal"}
    finally:
        new = _migrate(latest)

    assert new.get_model("comments", "Comment").objects.get().article_id == wanted["article"]
    assert new.get_model("comments", "BlockedWord").objects.get().word == "cờ bạc"
    assert new.get_model("viewcounts", "ArticleDailyViews").objects.get().views == 9
    assert new.get_model("viewcounts", "ArticleViewMark").objects.count() == 1
    assert new.get_model("viewcounts", "ViewFlush").objects.get().views == 4
    assert new.get_model("visitors", "SiteVisitDay").objects.get(day=DAY).visits == 42
    assert new.get_model("site_parts", "Slogan").objects.get().text == "HỌC TẬP VÀ LÀM THEO BÁC"
    assert new.get_model("site_parts", "WebLink").objects.get().name == "Báo Long An"
    vote = new.get_model("polls", "PollVote").objects.select_related("poll", "choice").get()
    assert (vote.poll.question, vote.choice.text) == ("Bạn đọc tin bằng thiết bị nào?", "Điện thoại")

    types_after = _content_types(new)
    assert {model: label for model, (_pk, label) in types_after.items()} == {m: new for m, (_o, new) in MOVED.items()}
    # Renamed, not made afresh (the same ids), and none left behind under the old labels.
    assert {model: pk for model, (pk, _label) in types_after.items()} == {
        model: pk for model, (pk, _label) in types_before.items() if model in types_after
    }
    after = _powers(new)
    assert {r: sorted(after[r] - powers_before[r]) for r in after} == {r: [] for r in after}
    assert {r: sorted(powers_before[r] - after[r]) for r in after} == {r: [] for r in after}
