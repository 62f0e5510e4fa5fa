from django.db import migrations


class Migration(migrations.Migration):
    """Comments moved to their own app (news.comments, label "comments"): forget them here, keep the tables."""

    dependencies = [
        ("news", "0010_viewcounts_move_out"),
        ("comments", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="BlockedWord"),
                migrations.DeleteModel(name="CommentSettings"),
                migrations.DeleteModel(name="Comment"),
            ],
            database_operations=[],
        )
    ]
