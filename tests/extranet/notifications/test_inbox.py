"""The in-app list: recorded with the e-mails, once, visible only while the post is."""

import pytest

from extranet.forum.services import create_topic, hide_post
from extranet.notifications import inbox
from extranet.notifications.models import Notification
from extranet.notifications.services import send_post_notifications

pytestmark = pytest.mark.django_db


def test_a_notification_is_recorded_for_each_member_notified(space, member, moderator, committed):
    topic = committed(create_topic, space, member, "Sujet", "Texte")
    notification = Notification.objects.get(user=moderator)
    assert (notification.kind, notification.post) == ("new_topic", topic.posts.get())
    assert not Notification.objects.filter(user=member).exists()  # not the author


def test_a_task_run_twice_records_nothing_twice(space, member, moderator, committed):
    topic = committed(create_topic, space, member, "Sujet", "Texte")
    send_post_notifications(topic.posts.get().pk, new_topic=True)
    assert Notification.objects.filter(user=moderator).count() == 1


def test_unread_count_follows_recording_and_reading(space, member, moderator, committed):
    assert inbox.unread_count(moderator) == 0
    committed(create_topic, space, member, "Un", "Texte")
    committed(create_topic, space, member, "Deux", "Texte")
    assert inbox.unread_count(moderator) == 2
    first = Notification.objects.filter(user=moderator).first()
    committed(inbox.mark_read, moderator, [first.pk])
    assert inbox.unread_count(moderator) == 1
    committed(inbox.mark_read, moderator)
    assert inbox.unread_count(moderator) == 0


def test_a_hidden_post_leaves_the_list(space, member, moderator, owner, committed):
    topic = committed(create_topic, space, member, "Sujet", "Texte")
    hide_post(topic.posts.get(), moderator, "Hors charte")
    assert not inbox.visible_notifications(owner).exists()


def test_a_member_who_left_no_longer_sees_the_notifications_of_the_space(
    space, member, moderator, committed
):
    committed(create_topic, space, member, "Sujet", "Texte")
    moderator.space_memberships.get(space=space).delete()
    assert not inbox.visible_notifications(moderator).exists()
