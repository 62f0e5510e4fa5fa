from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Editors arrange the home page's featured stories; administrators get the new proxy model's permissions."""

    dependencies = [
        ("portal", "0010_visits_move_out"),
        ("news", "0012_article_featured_order"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
