from django.db import migrations


class Migration(migrations.Migration):
    """The view counter's models now belong to the viewcounts app (viewcounts 0001); their tables stay."""

    dependencies = [
        ("news", "0009_revision_tag_ids"),
        ("viewcounts", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="ArticleDailyViews"),
                migrations.DeleteModel(name="ArticleViewMark"),
                migrations.DeleteModel(name="ViewFlush"),
            ],
            database_operations=[],
        ),
    ]
