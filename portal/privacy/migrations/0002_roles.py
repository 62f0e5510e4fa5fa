from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Administrators get the new permission to export and erase one person's data."""

    dependencies = [("privacy", "0001_privacy_policy_consents_log")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
