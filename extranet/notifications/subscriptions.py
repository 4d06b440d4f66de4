"""Reading and changing a member's notification settings, per space and per topic."""

from django.core.exceptions import ValidationError

from extranet.forum import permissions as forum_permissions
from extranet.spaces import permissions as space_permissions

from .models import (
    DEFAULT_DIGEST_FREQUENCY,
    DEFAULT_LEVEL,
    DigestFrequency,
    NotificationLevel,
    SpaceSubscription,
    TopicSubscription,
)


def get_subscription(user, space) -> SpaceSubscription:
    """The member's settings for ``space``: their row, or an unsaved one with the defaults."""
    found = SpaceSubscription.objects.filter(user_id=user.pk, space=space).first()
    return found or SpaceSubscription(
        user=user, space=space, level=DEFAULT_LEVEL, digest_frequency=DEFAULT_DIGEST_FREQUENCY
    )


def subscriptions_for(user, spaces) -> dict:
    """{space_id: SpaceSubscription} for several spaces in one query (defaults filled in)."""
    spaces = list(spaces)
    rows = {
        row.space_id: row
        for row in SpaceSubscription.objects.filter(
            user_id=user.pk, space_id__in=[space.pk for space in spaces]
        )
    }
    return {
        space.pk: rows.get(space.pk)
        or SpaceSubscription(
            user=user, space=space, level=DEFAULT_LEVEL, digest_frequency=DEFAULT_DIGEST_FREQUENCY
        )
        for space in spaces
    }


def update_subscription(user, space, *, level=None, digest_frequency=None) -> SpaceSubscription:
    """Change one's own settings for a space one can see (404 otherwise)."""
    space_permissions.check_view_space(user, space)
    errors = {}
    if level is not None and level not in NotificationLevel.values:
        errors["level"] = "Niveau de notification inconnu."
    if digest_frequency is not None and digest_frequency not in DigestFrequency.values:
        errors["digest_frequency"] = "Fréquence de récapitulatif inconnue."
    if errors:
        raise ValidationError(errors)
    subscription = get_subscription(user, space)
    if level is not None:
        subscription.level = level
    if digest_frequency is not None:
        subscription.digest_frequency = digest_frequency
    subscription.save()
    return subscription


def get_topic_level(user, topic):
    """The level the member chose for ``topic``, or ``None`` (the space's level applies)."""
    return (
        TopicSubscription.objects.filter(user_id=user.pk, topic=topic)
        .values_list("level", flat=True)
        .first()
    )


def set_topic_level(user, topic, level):
    """Choose one's level for a topic one can see (404 otherwise); ``None`` or "" goes back to
    the space's level."""
    forum_permissions.check_view_topic(user, topic)
    if not level:
        TopicSubscription.objects.filter(user_id=user.pk, topic=topic).delete()
        return None
    if level not in NotificationLevel.values:
        raise ValidationError({"level": "Niveau de notification inconnu."})
    TopicSubscription.objects.update_or_create(
        user_id=user.pk, topic=topic, defaults={"level": level}
    )
    return level
