import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from campaigns.models import Campaign
from portal.roles import ADMINISTRATOR, EDITOR, WRITER
from tests.factories import make_campaign

pytestmark = pytest.mark.django_db


def test_roles_are_created_by_the_migration():
    assert set(Group.objects.values_list("name", flat=True)) >= {WRITER, EDITOR, ADMINISTRATOR}


def _all_actions(app_label, *models):
    return {f"{app_label}.{action}_{model}" for action in ("add", "change", "delete", "view") for model in models}


# Each role's powers, written out: a permission gained or lost by a migration or a moved model shows up here.
WRITER_PERMISSIONS = {
    "news.add_article",
    "news.change_article",
    "news.view_article",
    "news.submit_article",
    "news.view_category",
    "news.view_tag",
    # The article form's autocompletes: campaigns, themes and the movement's records to link to.
    *(f"campaigns.view_{model}" for model in ("campaign", "theme", "goodmodel", "exemplar", "award", "document")),
    # The picture library: upload and use.
    "library.view_libraryimage",
    "library.add_libraryimage",
}
EDITOR_PERMISSIONS = {
    *_all_actions("news", "article", "category", "tag", "taggedarticle", "relatedarticle"),
    "news.submit_article",
    "news.review_article",
    "news.publish_article",
    "news.view_articleevent",
    # The picture library.
    *(f"library.{action}_libraryimage" for action in ("add", "change", "delete", "view")),
    # Arranging the home page's featured stories.
    "news.view_featuredarticle",
    "news.change_featuredarticle",
    # Moderating readers' comments; the blocked words are the administrators'.
    "comments.view_comment",
    "comments.change_comment",
    "comments.view_blockedword",
    # The emulation records and documents, but not campaigns, themes, issuers or units.
    *_all_actions("campaigns", "goodmodel", "exemplar", "award", "contest", "document"),
    *(f"campaigns.view_{model}" for model in ("campaign", "theme", "unit", "issuer")),
}


def _permissions_of(role: str) -> set[str]:
    group = Group.objects.get(name=role)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


@pytest.mark.parametrize(("role", "expected"), [(WRITER, WRITER_PERMISSIONS), (EDITOR, EDITOR_PERMISSIONS)])
def test_each_newsroom_role_has_exactly_its_permissions(role, expected):
    assert _permissions_of(role) == expected


def test_the_administrator_has_exactly_every_permission():
    everything = {f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.select_related("content_type")}
    assert _permissions_of(ADMINISTRATOR) == everything


def test_editor_cannot_change_or_add_a_campaign(client, editor):
    campaign = make_campaign(code="05-CT/TW", title="Tiêu đề gốc")
    client.force_login(editor)
    change_url = reverse("admin:campaigns_campaign_change", args=[campaign.pk])
    response = client.post(change_url, {"code": "05-CT/TW", "title": "Đã bị sửa", "kind": "chi-thi"})
    assert response.status_code == 403
    campaign.refresh_from_db()
    assert campaign.title == "Tiêu đề gốc"
    assert client.get(reverse("admin:campaigns_campaign_add")).status_code == 403
    assert (
        client.post(reverse("admin:campaigns_campaign_delete", args=[campaign.pk]), {"post": "yes"}).status_code == 403
    )
    assert Campaign.objects.filter(pk=campaign.pk).exists()


def test_editor_cannot_manage_users(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_administrator_manages_campaigns_users_and_articles(client, administrator):
    client.force_login(administrator)
    for name in ("campaigns_campaign_add", "campaigns_theme_add", "auth_user_changelist", "news_article_add"):
        assert client.get(reverse(f"admin:{name}")).status_code == 200, name


def test_administrator_edits_a_campaign_with_its_themes_inline(client, administrator):
    campaign = make_campaign(code="01-KL/TW", kind="ket-luan")
    client.force_login(administrator)
    response = client.get(reverse("admin:campaigns_campaign_change", args=[campaign.pk]))
    assert response.status_code == 200
    assert "themes-TOTAL_FORMS" in response.content.decode()


def test_editor_manages_emulation_records_but_only_views_units_and_issuers():
    permissions = {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=EDITOR).permissions.all()}
    for model in ("goodmodel", "exemplar", "award", "contest", "document"):
        assert {f"campaigns.{action}_{model}" for action in ("add", "change", "delete", "view")} <= permissions
    assert {"campaigns.view_unit", "campaigns.view_issuer"} <= permissions
    assert not {"campaigns.add_unit", "campaigns.change_issuer", "campaigns.change_campaign"} & permissions
    administrator = {p.codename for p in Group.objects.get(name=ADMINISTRATOR).permissions.all()}
    assert {"delete_unit", "change_award", "add_contest"} <= administrator
