"""Moving models from one app to another without losing data or permissions (used by migrations only).

A model that moves keeps its table (``Meta.db_table``); its state moves with ``SeparateDatabaseAndState``, and its
content type is renamed here, so that its permissions, the roles holding them and the admin log all follow it
instead of being created afresh under the new label. Imports no app of the project.
"""

from django.db import migrations


def move_content_types(old_label: str, new_label: str, models: list[str]) -> migrations.RunPython:
    """A migration operation renaming the content types of ``models`` (lower-case names) to ``new_label``."""

    def rename(apps, from_label: str, to_label: str) -> None:
        content_type = apps.get_model("contenttypes", "ContentType")
        for model in models:
            old = content_type.objects.filter(app_label=from_label, model=model).first()
            if old is None:
                continue  # a fresh database: the content type is made later under the new label
            # One made under the new label meanwhile holds no grants worth keeping; the old one does.
            content_type.objects.filter(app_label=to_label, model=model).delete()
            old.app_label = to_label
            old.save(update_fields=["app_label"])

    def forwards(apps, schema_editor):
        rename(apps, old_label, new_label)

    def backwards(apps, schema_editor):
        rename(apps, new_label, old_label)

    return migrations.RunPython(forwards, backwards, elidable=False)
