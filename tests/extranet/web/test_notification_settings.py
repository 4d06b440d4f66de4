"""Per-space notification settings through the UI."""

import re

from extranet.notifications.models import SpaceSubscription

from .conftest import space_url


def test_settings_show_the_defaults_then_save_the_choice(client, member, space):
    client.force_login(member)
    url = space_url("notification_settings", space)

    page = client.get(url).content.decode()
    assert "<legend>Notifications de cet espace" in page
    assert re.search(r'value="normal"[^>]*checked', page)

    response = client.post(url, {"level": "watching", "digest_frequency": "weekly"}, follow=True)

    subscription = SpaceSubscription.objects.get(user=member, space=space)
    assert (subscription.level, subscription.digest_frequency) == ("watching", "weekly")
    assert "Vos préférences de notification ont été enregistrées." in response.content.decode()


def test_unknown_choice_is_refused_in_french(client, member, space):
    client.force_login(member)
    response = client.post(
        space_url("notification_settings", space), {"level": "sms", "digest_frequency": "daily"}
    )
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert not SpaceSubscription.objects.exists()
