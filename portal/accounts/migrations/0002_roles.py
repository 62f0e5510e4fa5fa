from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Administrators ("*") read the audit log and unlock logins; editors and writers get nothing new."""

    dependencies = [
        ("accounts", "0001_initial"),
        ("axes", "0010_accessattemptexpiration"),
        # After every app's models, so that "*" covers them all.
        ("campaigns", "0002_emulation_records_document_search"),
        ("comments", "0002_roles"),
        ("news", "0011_comments_move_out"),
        ("portal", "0010_visits_move_out"),
        ("site_parts", "0002_roles"),
        ("viewcounts", "0003_deferred_view"),
        ("visitors", "0003_address_budget"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
