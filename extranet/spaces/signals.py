"""Membership rows drive guardian permissions, whatever path writes them.

(What they make stale in the cached fragments is declared in ``portal.fragments.registry``.)
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .grants import grant_role, revoke_role
from .models import Membership


@receiver(post_save, sender=Membership, dispatch_uid="spaces_membership_grant")
def _grant_on_save(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: permissions come with the fixture or from sync_space_permissions
        return
    grant_role(instance)


@receiver(post_delete, sender=Membership, dispatch_uid="spaces_membership_revoke")
def _revoke_on_delete(sender, instance, **kwargs):
    revoke_role(user_id=instance.user_id, space_id=instance.space_id)
