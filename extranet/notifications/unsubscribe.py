"""One-click unsubscribe (RFC 8058) from a space's notifications or from a digest, without
logging in.

Every notification and digest e-mail carries ``List-Unsubscribe: <url>`` and
``List-Unsubscribe-Post: List-Unsubscribe=One-Click``: mail clients then offer a button that
POSTs to the URL. The URL holds a token signed with the site's secret (``django.core.signing``,
its own salt), naming the member and what to stop: nobody can forge one for someone else, and
it needs no expiry (an old e-mail's link keeps working, as the RFC expects). What it does is
idempotent and small: the space's level becomes "muted", or the digest of that frequency
"never", and the page says how to undo it.
"""

from django.contrib.auth import get_user_model
from django.core import signing
from django.urls import reverse

from extranet.spaces.models import Membership, Space

from .links import absolute
from .models import (
    DEFAULT_DIGEST_FREQUENCY,
    DigestFrequency,
    NotificationLevel,
    SpaceSubscription,
)

SALT = "extranet.notifications.unsubscribe"
NOTIFICATIONS = "n"
DIGEST = "d"


def make_token(user, *, space=None, frequency=None) -> str:
    if space is not None:
        payload = {"u": user.pk, "k": NOTIFICATIONS, "s": space.pk}
    else:
        payload = {"u": user.pk, "k": DIGEST, "f": str(frequency)}
    return signing.dumps(payload, salt=SALT, compress=True)


def unsubscribe_url(user, *, space=None, frequency=None) -> str:
    token = make_token(user, space=space, frequency=frequency)
    return absolute(reverse("extranet:unsubscribe", kwargs={"token": token}))


class InvalidToken(Exception):
    pass


def read_token(token):
    """``(user, space or None, frequency or None)``; raises ``InvalidToken`` for a forged,
    damaged or outdated token (unknown or deactivated member, deleted space)."""
    try:
        payload = signing.loads(token, salt=SALT)
        user = get_user_model().objects.filter(pk=payload["u"], is_active=True).first()
        if user is None:
            raise InvalidToken
        if payload["k"] == NOTIFICATIONS:
            space = Space.objects.filter(pk=payload["s"]).first()
            if space is None:
                raise InvalidToken
            return user, space, None
        if payload["k"] == DIGEST and payload["f"] in DigestFrequency.values:
            return user, None, DigestFrequency(payload["f"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        pass
    raise InvalidToken


def apply(user, space=None, frequency=None) -> None:
    """Stop what the token names. Not a permission question: a member who left the space
    keeps the right to silence it."""
    if space is not None:
        SpaceSubscription.objects.update_or_create(
            user=user, space=space, defaults={"level": NotificationLevel.MUTED}
        )
        return
    # The spaces whose digest comes at that frequency: those set to it, and those left at the
    # default when it is the default.
    memberships = Membership.objects.filter(user=user).values_list("space_id", flat=True)
    chosen = dict(
        SpaceSubscription.objects.filter(user=user).values_list("space_id", "digest_frequency")
    )
    for space_id in memberships:
        if chosen.get(space_id, DEFAULT_DIGEST_FREQUENCY) == frequency:
            SpaceSubscription.objects.update_or_create(
                user=user, space_id=space_id, defaults={"digest_frequency": DigestFrequency.NONE}
            )
