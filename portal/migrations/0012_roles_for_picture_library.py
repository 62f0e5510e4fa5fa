from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Writers and editors use the picture library; administrators get its permissions."""

    dependencies = [
        ("portal", "0011_roles_for_featured_articles"),
        ("library", "0001_picture_library"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
