from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """The roles again, now that the counters' permissions carry the viewcounts label (the admin holds them all)."""

    dependencies = [
        ("viewcounts", "0001_initial"),
        ("news", "0010_viewcounts_move_out"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
