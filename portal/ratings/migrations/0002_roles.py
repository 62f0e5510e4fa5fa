from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """The roles again, so that administrators ("Quản trị") hold the new permissions of this app."""

    dependencies = [("ratings", "0001_initial"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
