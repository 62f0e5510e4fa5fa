from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Let editors pin related articles."""

    dependencies = [
        ("portal", "0006_roles_for_emulation"),
        ("news", "0005_search_columns_related_articles"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
