from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    """Administrators ("*") get the permissions of the new models (notifications, editorial notes, the task queue);
    nobody needs one to read their own notifications or write a note, so writers and editors get nothing new."""

    dependencies = [
        ("notifications", "0001_notifications_and_email_choices"),
        # After every app's models, so that "*" covers them all.
        ("accounts", "0004_roles_two_factor"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("news", "0016_editorial_notes_reschedule_action"),
        ("portal", "0012_roles_for_picture_library"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
