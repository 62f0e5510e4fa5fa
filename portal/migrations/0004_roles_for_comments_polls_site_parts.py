from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Give the roles the permissions of the comment, poll and site-part models."""

    dependencies = [
        ("portal", "0003_polls_banners_web_links_videos"),
        ("news", "0002_comments_blocked_words_settings"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
