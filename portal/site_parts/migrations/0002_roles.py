from django.db import migrations

from portal.roles import sync_roles

MOVED = ["slogan", "bannerlink", "weblink", "video", "poll", "pollchoice", "pollvote"]


def forget_stale_portal_types_and_sync_roles(apps, schema_editor):
    # A roles sync that ran while the portal app still held these models in its state made their content types
    # again under "portal"; the real ones (with the grants) were renamed to site_parts and polls.
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label="portal", model__in=MOVED).delete()
    sync_roles(apps, schema_editor)


class Migration(migrations.Migration):
    """The roles keep exactly the powers they had over slogans, banners, web links, videos and polls."""

    dependencies = [
        ("site_parts", "0001_initial"),
        ("polls", "0001_initial"),
        ("portal", "0009_site_parts_polls_move_out"),
    ]

    operations = [migrations.RunPython(forget_stale_portal_types_and_sync_roles, migrations.RunPython.noop)]
