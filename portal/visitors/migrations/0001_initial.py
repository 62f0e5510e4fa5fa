from django.db import migrations, models

from portal.model_moves import move_content_types


class Migration(migrations.Migration):
    """The site-visit counters move from the portal app; their tables stay (db_table), only the state moves."""

    initial = True

    dependencies = [
        ("portal", "0008_site_visits"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OnlineVisitor",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("visitor", models.CharField(max_length=32, unique=True)),
                        ("seen_at", models.DateTimeField(db_index=True)),
                    ],
                    options={"db_table": "portal_onlinevisitor"},
                ),
                migrations.CreateModel(
                    name="SiteVisitDay",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("day", models.DateField(unique=True, verbose_name="ngày")),
                        ("visits", models.PositiveBigIntegerField(default=0, verbose_name="lượt truy cập")),
                    ],
                    options={
                        "verbose_name": "lượt truy cập trong ngày",
                        "verbose_name_plural": "lượt truy cập theo ngày",
                        "db_table": "portal_sitevisitday",
                        "ordering": ["-day"],
                    },
                ),
                migrations.CreateModel(
                    name="SiteVisitMark",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("day", models.DateField()),
                        ("visitor", models.CharField(max_length=32)),
                    ],
                    options={
                        "db_table": "portal_sitevisitmark",
                        "constraints": [models.UniqueConstraint(fields=("day", "visitor"), name="site_visit_mark_unique")],
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_types("portal", "visitors", ["onlinevisitor", "sitevisitday", "sitevisitmark"]),
    ]
