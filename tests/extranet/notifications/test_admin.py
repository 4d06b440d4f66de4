"""The notification settings admin loads for staff."""

import pytest
from django.urls import reverse

from extranet.notifications.subscriptions import update_subscription

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _real_urls(settings):
    settings.ROOT_URLCONF = "portal.urls"


def test_subscription_pages_load_for_staff(client, staff, space, member):
    update_subscription(member, space, level="muted")
    client.force_login(staff)
    assert (
        client.get(reverse("admin:notifications_spacesubscription_changelist")).status_code == 200
    )
    assert client.get(reverse("admin:notifications_digestdelivery_changelist")).status_code == 200
