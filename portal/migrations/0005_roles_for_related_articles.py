from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Let editors pin related articles."""

    dependencies = [
        ("portal", "0004_roles_for_comments_polls_site_parts"),
        ("news", "0003_search_columns_related_articles"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
