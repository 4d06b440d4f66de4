"""Keep the membership history the report counts from (see ``models.MembershipDeparture``)."""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils import timezone

from extranet.spaces.models import Membership

from .models import MembershipDeparture


@receiver(post_delete, sender=Membership, dispatch_uid="reports.membership_departure")
def remember_departure(sender, instance, **kwargs):
    MembershipDeparture.objects.create(
        space_id=instance.space_id,
        role=instance.role,
        joined_at=instance.joined_at,
        left_at=timezone.now(),
    )
