from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Give the roles their comment permissions under the new label (editors moderate, as before the move)."""

    dependencies = [
        ("comments", "0001_initial"),
        ("news", "0011_comments_move_out"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
