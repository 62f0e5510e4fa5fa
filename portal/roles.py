"""The staff roles, as groups with exactly the permissions they need.

Data migrations call ``sync_roles`` so that each role is created (or brought up to date) on every database.
A later migration that adds models calls it again to extend the roles to them.
"""

from django.contrib.auth.management import create_permissions

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
            permissions = [
                Permission.objects.get(content_type__app_label=label, codename=codename)
                for label, codename in (p.split(".", 1) for p in sorted(wanted))
            ]
        group.permissions.set(permissions)


# Editors are the newsroom: they moderate readers' comments (approve, reject, edit the text before approving).
ROLE_PERMISSIONS[EDITOR] |= {"news.view_comment", "news.change_comment", "news.view_blockedword"}

# Editors pin related articles under the ones they write.
ROLE_PERMISSIONS[EDITOR] |= {f"news.{action}_relatedarticle" for action in ("add", "change", "delete", "view")}
