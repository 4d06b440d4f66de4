"""A moderator's « Signalement » notification: listed, and opening it leads to the queue."""

from html import unescape

import pytest
from django.urls import reverse

from extranet.forum.moderation import flag_post
from extranet.notifications.models import Notification

from .conftest import space_url

pytestmark = pytest.mark.django_db


def test_a_moderator_opens_a_flag_notification_and_lands_on_the_queue(
    client, committed, member, moderator, furnished
):
    committed(flag_post, furnished.others_post, member, "spam")
    notification = Notification.objects.get(user=moderator, kind="flag")
    client.force_login(moderator)
    listed = unescape(client.get(reverse("extranet:notification_list")).content.decode())
    assert "signalé dans « Marginalité et tranquillité publique »" in listed
    response = client.get(reverse("extranet:notification_open", kwargs={"pk": notification.pk}))
    assert response.status_code == 302
    assert response["Location"] == space_url("moderation_queue", furnished.space)
    notification.refresh_from_db()
    assert notification.read_at is not None
