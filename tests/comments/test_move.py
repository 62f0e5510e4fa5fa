"""Comments left the news app: a database migrated before the move keeps its rows, permissions and roles."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader

from news.comments.models import BlockedWord, Comment
from portal.roles import ADMINISTRATOR, EDITOR, WRITER, sync_roles

BEFORE_THE_MOVE = [("news", "0008_view_counting"), ("comments", None)]
MOVED = ["comment", "blockedword", "commentsettings"]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def old_article(apps):
    """An article as the schema of that time holds it: today's model has columns that did not exist yet."""
    category = apps.get_model("news", "Category").objects.create(name="Tin tức", slug="tin-tuc")
    return apps.get_model("news", "Article").objects.create(
        title="Bài có bình luận từ trước",
        slug="bai-co-binh-luan",
        lead="Sapo",
        body="<p>Nội dung</p>",
        category=category,
        status="published",
    )


def powers(group_name: str) -> set[tuple[int, str]]:
    return set(Group.objects.get(name=group_name).permissions.values_list("pk", "codename"))


@pytest.mark.django_db(transaction=True)
def test_a_database_from_before_the_move_migrates_forward_with_its_comments_and_powers():
    sync_roles(MigrationLoader(connection).project_state().apps)  # an earlier transactional test may have emptied them
    migrate(BEFORE_THE_MOVE)
    try:
        old_types = {ct.model: ct.pk for ct in ContentType.objects.filter(app_label="news", model__in=MOVED)}
        assert set(old_types) == set(MOVED)
        assert not ContentType.objects.filter(app_label="comments").exists()
        # The tables are the same before and after: rows written now are the rows of a site not yet moved.
        article = old_article(MigrationLoader(connection).project_state(BEFORE_THE_MOVE[0]).apps)
        Comment.objects.create(
            article_id=article.pk, name="An", email="an@example.vn", text="Ý kiến cũ", status="approved"
        )
        BlockedWord.objects.create(word="cờ bạc")
        before = {role: powers(role) for role in (WRITER, EDITOR, ADMINISTRATOR)}
        editor_before = before[EDITOR]
        assert {"view_comment", "change_comment", "view_blockedword"} <= {codename for _pk, codename in editor_before}
    finally:
        migrate()

    assert Comment.objects.get().text == "Ý kiến cũ"
    assert Comment.objects.get().article_id == article.pk
    assert BlockedWord.found_in("CO BAC")
    # The content types were renamed, not made afresh: the same rows, so grants and the admin log follow.
    new_types = {ct.model: ct.pk for ct in ContentType.objects.filter(app_label="comments", model__in=MOVED)}
    assert new_types == old_types
    assert not ContentType.objects.filter(app_label="news", model__in=MOVED).exists()
    assert {role: powers(role) for role in before} == before  # every role keeps exactly its powers
    permission = Permission.objects.get(content_type__app_label="comments", codename="view_comment")
    assert (permission.pk, "view_comment") in editor_before
