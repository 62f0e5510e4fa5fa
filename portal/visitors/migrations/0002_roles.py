from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """The roles again, now that the counters' permissions carry the visitors label (the admin holds them all)."""

    dependencies = [
        ("visitors", "0001_initial"),
        ("portal", "0010_visits_move_out"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
