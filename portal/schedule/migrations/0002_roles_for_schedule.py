from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Let editors enter the leaders' work schedule (and pick leaders in it)."""

    dependencies = [
        ("schedule", "0001_schedule_entries"),
        ("portal", "0010_visits_move_out"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
