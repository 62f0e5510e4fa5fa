from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Give editors the good models, exemplary people, awards, contests and documents."""

    dependencies = [
        ("portal", "0004_roles_for_comments_polls_site_parts"),
        ("campaigns", "0002_emulation_records_document_search"),
        ("news", "0003_article_emulation_links"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
