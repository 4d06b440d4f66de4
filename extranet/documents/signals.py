"""Files follow their rows: a deleted version (directly, or through its document, space…)
removes its file once the deletion is committed, never before (a rolled-back deletion must
not lose the file)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import DocumentVersion


@receiver(post_delete, sender=DocumentVersion, dispatch_uid="documents_delete_version_file")
def delete_version_file(sender, instance, **kwargs):
    if not instance.file:
        return
    storage, name = instance.file.storage, instance.file.name
    transaction.on_commit(lambda: storage.delete(name))
