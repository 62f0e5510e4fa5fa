"""The staff roles, as groups with exactly the permissions they need.

Data migrations call ``sync_roles`` so that each role is created (or brought up to date) on every database.
A later migration that adds models calls it again to extend the roles to them.
"""

from django.contrib.auth.management import create_permissions

WRITER = "Phóng viên"
EDITOR = "Biên tập viên"
ADMINISTRATOR = "Quản trị"

# "app_label.codename" of each permission; "*" stands for every permission on the machine.
ROLE_PERMISSIONS: dict[str, set[str] | str] = {
    EDITOR: {
        *(
            f"news.{action}_{model}"
            for action in ("add", "change", "delete", "view")
            for model in ("article", "category", "tag", "taggedarticle")
        ),
        # Read-only access so editors can pick campaigns and themes in the article form's autocomplete.
        "campaigns.view_campaign",
        "campaigns.view_theme",
    },
    ADMINISTRATOR: "*",
}


def sync_roles(apps, schema_editor=None) -> None:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after migrations; make sure they exist before the groups use them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    for name, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if wanted == "*":
            permissions = Permission.objects.all()
        else:
            # A permission a later migration creates (a newer model or Meta.permissions) is skipped here and
            # granted when that migration calls sync_roles again.
            permissions = [
                permission
                for label, codename in (p.split(".", 1) for p in sorted(wanted))
                for permission in Permission.objects.filter(content_type__app_label=label, codename=codename)
            ]
        group.permissions.set(permissions)


# Editors are the newsroom: they moderate readers' comments (approve, reject, edit the text before approving).
ROLE_PERMISSIONS[EDITOR] |= {"comments.view_comment", "comments.change_comment", "comments.view_blockedword"}

# The newsroom's review (news.services): writers write and submit, editors review, return, publish, withdraw.
# A writer edits only their own articles, and only before submitting them: news.workflow_admin enforces that.
ROLE_PERMISSIONS[WRITER] = {
    "news.add_article",
    "news.change_article",
    "news.view_article",
    "news.submit_article",
    "news.view_category",
    "news.view_tag",
    "campaigns.view_campaign",
    "campaigns.view_theme",
}
ROLE_PERMISSIONS[EDITOR] |= {
    "news.submit_article",
    "news.review_article",
    "news.publish_article",
    "news.view_articleevent",
}
# Editors keep the emulation movement's records and the document library; issuing bodies and units are the
# administrators' (names change by decision), editors only pick them in forms.
ROLE_PERMISSIONS[EDITOR] |= {
    *(
        f"campaigns.{action}_{model}"
        for action in ("add", "change", "delete", "view")
        for model in ("goodmodel", "exemplar", "award", "contest", "document")
    ),
    "campaigns.view_unit",
    "campaigns.view_issuer",
}
# Writers link their articles to the movement's records: the article form's autocomplete needs view permission.
ROLE_PERMISSIONS[WRITER] |= {f"campaigns.view_{model}" for model in ("goodmodel", "exemplar", "award", "document")}
# Editors pin related articles under the ones they write.
ROLE_PERMISSIONS[EDITOR] |= {f"news.{action}_relatedarticle" for action in ("add", "change", "delete", "view")}
# Editors arrange the home page's featured stories (news.featured_admin).
ROLE_PERMISSIONS[EDITOR] |= {"news.view_featuredarticle", "news.change_featuredarticle"}
# The picture library: writers and editors upload and describe pictures and use them; deleting an unused one is
# the editors' (news.library.admin refuses to delete a picture in use).
ROLE_PERMISSIONS[WRITER] |= {"library.view_libraryimage", "library.add_libraryimage"}
ROLE_PERMISSIONS[EDITOR] |= {f"library.{action}_libraryimage" for action in ("add", "change", "delete", "view")}
