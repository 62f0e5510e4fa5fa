from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Add the writers' role ("Phóng viên") and give editors the review and publishing permissions."""

    dependencies = [
        ("portal", "0004_roles_for_comments_polls_site_parts"),
        ("news", "0003_newsroom_review_revisions"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
