from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Give editors the good models, exemplary people, awards, contests and documents."""

    dependencies = [
        ("portal", "0005_newsroom_roles"),
        ("campaigns", "0002_emulation_records_document_search"),
        ("news", "0004_article_emulation_links"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
