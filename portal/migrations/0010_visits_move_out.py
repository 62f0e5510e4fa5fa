from django.db import migrations


class Migration(migrations.Migration):
    """The site-visit counters now belong to the visitors app (visitors 0001); their tables stay where they are."""

    dependencies = [
        ("portal", "0009_site_parts_polls_move_out"),
        ("visitors", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="OnlineVisitor"),
                migrations.DeleteModel(name="SiteVisitDay"),
                migrations.DeleteModel(name="SiteVisitMark"),
            ],
            database_operations=[],
        ),
    ]
