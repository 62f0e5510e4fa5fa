"""Revisions keep tags by id, like every other link (news.models.revisions, format 2).

Revisions written before kept tag names: their names become the tags' ids, so they compare with the revisions
written after. A name whose tag was deleted since stays a name (it is shown as it is and skipped on restore).
Nothing else in the old rows changes: the links they never recorded stay unrecorded. Reversible: ids become names.
"""

from django.db import migrations


def _convert_tags(apps, convert) -> None:
    ArticleRevision = apps.get_model("news", "ArticleRevision")
    changed = []
    for revision in ArticleRevision.objects.only("data").iterator(chunk_size=500):
        tags = revision.data.get("tags") if isinstance(revision.data, dict) else None
        if tags:
            new_tags = convert(tags)
            if new_tags != tags:
                revision.data = {**revision.data, "tags": new_tags}
                changed.append(revision)
    ArticleRevision.objects.bulk_update(changed, ["data"], batch_size=500)


def _ids_then_names(values) -> list:
    """Ids sorted, then the names no tag has any more (what news.models.revisions.snapshot would write)."""
    return sorted(v for v in values if isinstance(v, int)) + sorted(v for v in values if isinstance(v, str))


def names_to_ids(apps, schema_editor):
    ids = dict(apps.get_model("news", "Tag").objects.values_list("name", "pk"))
    _convert_tags(apps, lambda tags: _ids_then_names([ids.get(tag, tag) for tag in tags]))


def ids_to_names(apps, schema_editor):
    names = dict(apps.get_model("news", "Tag").objects.values_list("pk", "name"))
    _convert_tags(apps, lambda tags: sorted(str(names.get(tag, tag)) for tag in tags))


class Migration(migrations.Migration):
    dependencies = [("news", "0008_view_counting")]

    operations = [migrations.RunPython(names_to_ids, ids_to_names, elidable=True)]
