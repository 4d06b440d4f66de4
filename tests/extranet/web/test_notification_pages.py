"""The member's notifications in the UI: the header's count, the list, opening one, reading all,
a topic's own level, and jumping to the first unread post."""

import re

from extranet.forum.moderation import flag_post
from extranet.forum.services import create_topic, hide_post, mark_topic_read, reply
from extranet.notifications.models import Notification, TopicSubscription
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role
from extranet.spaces.services import change_role
from tests.factories.extranet import make_reply, make_topic

from .conftest import space_url


def test_header_shows_the_unread_count_with_the_link(client, space, member, moderator, committed):
    committed(create_topic, space, member, "Sujet", "Texte")
    client.force_login(moderator)
    page = client.get(space_url("space_home", space)).content.decode()
    assert re.search(
        r'<a href="/extranet/notifications/">Notifications <span[^>]*>1 non lue</span>', page
    )


def test_header_shows_no_count_when_all_is_read(client, space, member):
    client.force_login(member)
    page = client.get(space_url("space_home", space)).content.decode()
    assert '<a href="/extranet/notifications/">Notifications</a>' in page


def test_header_link_is_marked_current_on_the_notification_list_itself(client, member):
    client.force_login(member)
    page = client.get("/extranet/notifications/").content.decode()
    assert '<a href="/extranet/notifications/" aria-current="page">Notifications</a>' in page


def test_list_shows_what_happened_newest_first_unread_marked(
    client, space, member, moderator, committed
):
    committed(create_topic, space, member, "Premier", "Texte")
    committed(create_topic, space, member, "Second", "Bonjour @Sacha.Anime")
    client.force_login(moderator)
    page = client.get("/extranet/notifications/").content.decode()
    second = page.index("Camille Membre vous a mentionné·e dans « Second »")
    first = page.index("Nouveau sujet de Camille Membre : « Premier »")
    assert second < first
    assert page.count("Non lue") == 2
    assert "2 notifications non lues" in page


def test_opening_a_notification_reads_it_and_leads_to_the_post(
    client, space, member, moderator, committed
):
    topic = committed(create_topic, space, member, "Sujet", "Texte")
    notification = Notification.objects.get(user=moderator)
    client.force_login(moderator)
    response = client.get(f"/extranet/notifications/{notification.pk}/")
    post = topic.posts.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/sujets/{topic.pk}/?page=1#message-{post.pk}")
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_elses_notification_is_a_404(client, space, member, moderator, owner, committed):
    committed(create_topic, space, member, "Sujet", "Texte")
    notification = Notification.objects.get(user=moderator)
    client.force_login(owner)
    assert client.get(f"/extranet/notifications/{notification.pk}/").status_code == 404


def test_a_hidden_post_is_not_listed(client, space, member, moderator, owner, committed):
    topic = committed(create_topic, space, member, "Masqué", "Texte")
    hide_post(topic.posts.get(), moderator, "Hors charte")
    client.force_login(owner)
    assert "Masqué" not in client.get("/extranet/notifications/").content.decode()


def test_reading_all_clears_the_count(client, space, member, moderator, committed):
    committed(create_topic, space, member, "Sujet", "Texte")
    client.force_login(moderator)
    response = client.post("/extranet/notifications/tout-lire/", follow=True)
    assert "Toutes vos notifications sont marquées comme lues." in response.content.decode()
    assert not Notification.objects.filter(read_at__isnull=True).exists()


def test_reading_the_topic_reads_its_notifications(client, space, member, moderator, committed):
    topic = make_topic(space, member)
    committed(reply, topic, moderator, "Réponse")  # the author took part: notified
    client.force_login(member)
    client.get(space_url("topic_detail", space, pk=topic.pk))
    assert Notification.objects.get(user=member).read_at is not None


def test_notifications_need_a_login(client):
    response = client.get("/extranet/notifications/")
    assert response.status_code == 302
    assert "/connexion/" in response["Location"]


def test_a_member_chooses_their_level_for_a_topic(client, space, member, furnished):
    client.force_login(member)
    url = space_url("topic_notifications", space, pk=furnished.topic.pk)
    page = client.get(url).content.decode()
    assert re.search(r'value=""[^>]*checked', page)  # like the space, by default
    client.post(url, {"level": "muted"})
    assert TopicSubscription.objects.get(user=member, topic=furnished.topic).level == "muted"


def test_topic_level_page_is_a_404_outside_ones_spaces(client, outsider, furnished):
    client.force_login(outsider)
    url = space_url("topic_notifications", furnished.space, pk=furnished.topic.pk)
    assert client.get(url).status_code == 404


def test_jump_to_first_unread_leads_to_the_first_post_after_the_reading(
    client, space, member, furnished
):
    topic = furnished.topic
    mark_topic_read(member, topic)
    first_new = make_reply(topic, body="Nouveau 1")
    make_reply(topic, body="Nouveau 2")
    client.force_login(member)
    response = client.get(space_url("topic_first_unread", space, pk=topic.pk))
    assert response["Location"].endswith(f"#message-{first_new.pk}")


def test_jump_to_first_unread_of_a_read_topic_leads_to_its_last_post(
    client, space, member, furnished
):
    topic = furnished.topic
    last = make_reply(topic, body="Dernier")
    topic.refresh_from_db()
    mark_topic_read(member, topic)
    client.force_login(member)
    response = client.get(space_url("topic_first_unread", space, pk=topic.pk))
    assert response["Location"].endswith(f"#message-{last.pk}")


def test_topic_page_links_to_the_first_unread_and_the_topics_notifications(
    client, member, furnished
):
    client.force_login(member)
    page = client.get(space_url("topic_detail", furnished.space, pk=furnished.topic.pk))
    html = page.content.decode()
    assert space_url("topic_first_unread", furnished.space, pk=furnished.topic.pk) in html
    assert space_url("topic_notifications", furnished.space, pk=furnished.topic.pk) in html


def test_a_demoted_moderator_sees_no_flag_notification_and_no_queue_link(
    client, space, member, moderator, owner, committed
):
    post = committed(create_topic, space, owner, "Sujet", "Texte").posts.get()
    committed(flag_post, post, member, "spam")
    flagged = Notification.objects.get(user=moderator, kind="flag")
    membership = Membership.objects.get(space=space, user=moderator)
    committed(change_role, by=owner, membership=membership, role=Role.MEMBER)
    client.force_login(moderator)
    page = client.get("/extranet/notifications/").content.decode()
    assert "/moderation/" not in page and "1 notification non lue" in page  # the new topic's
    assert client.get(f"/extranet/notifications/{flagged.pk}/").status_code == 404
