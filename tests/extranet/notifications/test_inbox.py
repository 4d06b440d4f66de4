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


def _notify_of_a_new_topic(committed, space, author, reader):
    """A topic of ``author`` in ``space`` and a notification of it for ``reader``."""
    from extranet.notifications.models import NotificationKind

    topic = committed(create_topic, space, author, "Sujet", "Texte")
    committed(
        Notification.objects.create,
        user=reader,
        post=topic.posts.get(),
        kind=NotificationKind.REPLY,
    )


def test_the_unread_count_follows_a_space_opened_and_closed_through_a_group(
    space, member, outsider, committed
):
    from django.contrib.auth.models import Group
    from guardian.shortcuts import assign_perm, remove_perm

    from extranet.spaces.roles import SpacePermission

    view = SpacePermission.VIEW.full_codename
    network = Group.objects.create(name="Réseau PEP'S")
    outsider.groups.add(network)
    assign_perm(view, network, space)
    _notify_of_a_new_topic(committed, space, member, outsider)
    assert inbox.unread_count(outsider) == 1  # now cached
    committed(remove_perm, view, network, space)
    assert inbox.unread_count(outsider) == 0
    committed(assign_perm, view, network, space)
    assert inbox.unread_count(outsider) == 1
    committed(outsider.groups.remove, network)
    assert inbox.unread_count(outsider) == 0
    committed(outsider.groups.add, network)
    assert inbox.unread_count(outsider) == 1


def test_the_unread_count_follows_a_right_granted_to_the_member_directly(
    space, member, outsider, committed
):
    from guardian.shortcuts import assign_perm, remove_perm

    from extranet.spaces.roles import SpacePermission

    view = SpacePermission.VIEW.full_codename
    assign_perm(view, outsider, space)
    _notify_of_a_new_topic(committed, space, member, outsider)
    assert inbox.unread_count(outsider) == 1
    committed(remove_perm, view, outsider, space)
    assert inbox.unread_count(outsider) == 0
