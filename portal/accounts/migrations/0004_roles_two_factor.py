from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Administrators ("*") also hold django-otp's device permissions (the reset action is theirs)."""

    dependencies = [
        ("accounts", "0003_two_factor_events"),
        ("otp_static", "0003_add_timestamps"),
        ("otp_totp", "0003_add_timestamps"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
