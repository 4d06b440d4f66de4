"""Per-space notification settings."""

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404

from extranet.notifications.models import (
    DigestFrequency,
    NotificationLevel,
    SpaceSubscription,
)
from extranet.notifications.subscriptions import (
    get_subscription,
    subscriptions_for,
    update_subscription,
)
from tests.factories.extranet import SpaceFactory, make_member

pytestmark = pytest.mark.django_db


def test_defaults_are_the_normal_level_and_a_monthly_digest(space, member):
    subscription = get_subscription(member, space)
    assert subscription.pk is None
    assert subscription.level == NotificationLevel.NORMAL
    assert subscription.digest_frequency == DigestFrequency.MONTHLY


def test_member_changes_their_settings(space, member):
    update_subscription(member, space, level="watching", digest_frequency="weekly")
    stored = SpaceSubscription.objects.get(user=member, space=space)
    assert (stored.level, stored.digest_frequency) == ("watching", "weekly")
    update_subscription(member, space, level="muted")
    stored.refresh_from_db()
    assert (stored.level, stored.digest_frequency) == ("muted", "weekly")


def test_unknown_choices_are_refused_in_french(space, member):
    with pytest.raises(ValidationError) as caught:
        update_subscription(member, space, level="parfois", digest_frequency="annuel")
    assert caught.value.message_dict == {
        "level": ["Niveau de notification inconnu."],
        "digest_frequency": ["Fréquence de récapitulatif inconnue."],
    }


@pytest.mark.parametrize("role", ["outsider", "removed_member"])
def test_non_members_cannot_subscribe_and_get_404(request, space, role):
    with pytest.raises(Http404):
        update_subscription(request.getfixturevalue(role), space, level="watching")
    assert not SpaceSubscription.objects.exists()


def test_settings_of_several_spaces_in_one_query(member, django_assert_num_queries):
    spaces = [SpaceFactory() for _ in range(5)]
    for space in spaces:
        make_member(space, user=member)
    update_subscription(member, spaces[0], level="muted")
    with django_assert_num_queries(1):
        found = subscriptions_for(member, spaces)
    assert found[spaces[0].pk].level == "muted"
    assert {found[space.pk].level for space in spaces[1:]} == {"normal"}
