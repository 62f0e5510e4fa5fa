"""A question's private file goes with the question (deleted, or dropped by an erasure)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from portal.uploads.attachments import delete_file

from .models import Question


@receiver(post_delete, sender=Question)
def delete_attachment_file(instance, **kwargs):
    delete_file(instance.attachment)
