from django.db import migrations


class Migration(migrations.Migration):
    """Slogans, banner links, web links, videos and polls now belong to the site_parts and polls apps.

    Only the portal app's state forgets them: the tables (portal_slogan, portal_poll, ...) are the new apps' now.
    """

    dependencies = [
        ("portal", "0008_site_visits"),
        ("site_parts", "0001_initial"),
        ("polls", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="pollchoice", name="poll"),
                migrations.RemoveField(model_name="pollvote", name="poll"),
                migrations.RemoveField(model_name="pollvote", name="choice"),
                migrations.DeleteModel(name="PollVote"),
                migrations.DeleteModel(name="PollChoice"),
                migrations.DeleteModel(name="Poll"),
                migrations.DeleteModel(name="Slogan"),
                migrations.DeleteModel(name="BannerLink"),
                migrations.DeleteModel(name="WebLink"),
                migrations.DeleteModel(name="Video"),
            ],
            database_operations=[],
        ),
    ]
