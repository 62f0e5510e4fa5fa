"""A database migrated before slogans, site parts and polls left the portal app moves forward with its data.

The rows stay in their tables, the content types are renamed (so grants and the admin log follow), and every role
holds exactly the permissions it held before.
"""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.roles import ROLE_PERMISSIONS, sync_roles

MOVED = {
    "site_parts": ["slogan", "bannerlink", "weblink", "video"],
    "polls": ["poll", "pollchoice", "pollvote"],
}
BEFORE_THE_MOVE = [("site_parts", None), ("polls", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    return executor.migrate(targets).apps  # the models as they are once there


def _powers(apps) -> dict[str, set[tuple[str, str]]]:
    """Each group's permissions as (model, codename), so a moved model's grant compares equal to the old one."""
    group = apps.get_model("auth", "Group")
    return {
        g.name: {(p.content_type.model, p.codename) for p in g.permissions.select_related("content_type")}
        for g in group.objects.prefetch_related("permissions")
    }


def _seed(apps):
    apps.get_model("portal", "Slogan").objects.create(text="HỌC TẬP VÀ LÀM THEO BÁC", position=1)
    apps.get_model("portal", "WebLink").objects.create(name="Báo Long An", url="https://baolongan.vn/")
    poll = apps.get_model("portal", "Poll").objects.create(question="Bạn đọc tin bằng thiết bị nào?")
    choice = apps.get_model("portal", "PollChoice").objects.create(poll=poll, text="Điện thoại")
    apps.get_model("portal", "PollVote").objects.create(poll=poll, choice=choice, voter_key="k1")
    # A grant made by hand on the old label must follow the model.
    group = apps.get_model("auth", "Group").objects.create(name="Tổ thăm dò")
    group.permissions.add(
        apps.get_model("auth", "Permission").objects.get(content_type__app_label="portal", codename="change_poll")
    )


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_migrates_forward_with_its_data():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = _migrate(BEFORE_THE_MOVE)
    sync_roles(old)  # the roles as the old migrations left them (a transactional test before may have flushed them)
    _seed(old)
    powers_before = _powers(old)
    assert set(ROLE_PERMISSIONS) <= set(powers_before)

    new = _migrate(latest)

    assert list(new.get_model("site_parts", "Slogan").objects.values_list("text", flat=True)) == [
        "HỌC TẬP VÀ LÀM THEO BÁC"
    ]
    assert new.get_model("site_parts", "WebLink").objects.get().name == "Báo Long An"
    vote = new.get_model("polls", "PollVote").objects.select_related("poll", "choice").get()
    assert (vote.poll.question, vote.choice.text) == ("Bạn đọc tin bằng thiết bị nào?", "Điện thoại")
    content_type = new.get_model("contenttypes", "ContentType")
    for label, models in MOVED.items():
        # Models added to these apps later (the site profile) join them; the moved ones are all there.
        assert set(content_type.objects.filter(app_label=label).values_list("model", flat=True)) >= set(models)
        assert not content_type.objects.filter(app_label="portal", model__in=models).exists()
    permission = new.get_model("auth", "Permission")
    assert permission.objects.filter(
        content_type__app_label="polls", codename="change_poll", group__name="Tổ thăm dò"
    ).exists()
    # Over the moved models each role holds exactly what it held; later models only add (administrators get all).
    moved = {model for models in MOVED.values() for model in models}
    powers_after = _powers(new)
    for role, before in powers_before.items():
        assert {p for p in powers_after[role] if p[0] in moved} == {p for p in before if p[0] in moved}, role
        assert before <= powers_after[role], role
