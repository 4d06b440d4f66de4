"""Moderators are told when a post is flagged: in the list always, by e-mail unless muted;
once per post entering the queue; never the flagger; only those who moderate the space."""

import pytest

from extranet.forum.moderation import dismiss_flags, flag_post
from extranet.notifications import inbox
from extranet.notifications.flags import send_flag_notifications
from extranet.notifications.models import Notification, NotificationLevel
from extranet.notifications.subscriptions import update_subscription
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role
from extranet.spaces.services import change_role
from tests.factories.extranet import make_member, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(space, member):
    author = make_member(space, first_name="Noor", last_name="Autrice")
    return make_topic(space, author, title="Un sujet", body="Un message discutable").posts.get()


def _flag_notified(user):
    return Notification.objects.filter(user=user, kind="flag")


def test_a_flag_notifies_the_spaces_moderators_in_the_list_and_by_email(
    committed, outbox, post, member, moderator, owner
):
    outbox.clear()
    committed(flag_post, post, member, "spam")
    assert _flag_notified(moderator).count() == 1 and _flag_notified(owner).count() == 1
    assert sorted(message.to[0] for message in outbox) == sorted([moderator.email, owner.email])
    message = next(m for m in outbox if m.to == [moderator.email])
    assert "Message signalé (Spam) : Un sujet" in message.subject
    assert "/extranet/" in message.body and "/moderation/" in message.body
    assert inbox.unread_count(moderator) >= 1


def test_plain_members_and_the_flagger_are_not_told(
    committed, outbox, space, post, member, moderator
):
    other = make_member(space)
    committed(flag_post, post, moderator, "spam")  # a moderator may flag too
    assert not _flag_notified(member).exists() and not _flag_notified(other).exists()
    assert not _flag_notified(moderator).exists()


def test_a_muted_moderator_gets_the_list_entry_but_no_email(
    committed, outbox, space, post, member, moderator
):
    update_subscription(moderator, space, level=NotificationLevel.MUTED)
    outbox.clear()
    committed(flag_post, post, member, "spam")
    assert _flag_notified(moderator).count() == 1
    assert moderator.email not in [message.to[0] for message in outbox]


def test_further_flags_of_a_queued_post_notify_nobody_again(
    committed, outbox, space, post, member, moderator
):
    committed(flag_post, post, member, "spam")
    sent = len(outbox)
    committed(flag_post, post, make_member(space), "off_topic")
    assert len(outbox) == sent
    assert _flag_notified(moderator).count() == 1


def test_a_post_flagged_again_after_a_decision_is_notified_again_unread(
    committed, outbox, space, post, member, moderator
):
    committed(flag_post, post, member, "spam")
    inbox.mark_read(moderator)
    dismiss_flags(post, moderator)
    committed(flag_post, post, make_member(space), "off_topic")
    notification = _flag_notified(moderator).get()
    assert notification.read_at is None


def test_a_moderator_demoted_before_the_task_runs_is_not_told(
    space, post, member, moderator, owner, outbox
):
    flag = flag_post(post, member, "spam")  # its task waits (not committed yet)
    membership = Membership.objects.get(space=space, user=moderator)
    change_role(by=owner, membership=membership, role=Role.MEMBER)
    send_flag_notifications(flag.pk)
    assert not _flag_notified(moderator).exists()


def test_a_flag_notification_keeps_the_reply_notification_of_the_same_post(
    committed, space, member, moderator
):
    author = make_member(space)
    topic = committed(make_topic, space, author, "Sujet", "Texte")
    post = topic.posts.get()
    assert Notification.objects.filter(user=moderator, post=post, kind="new_topic").exists()
    committed(flag_post, post, member, "spam")
    assert set(
        Notification.objects.filter(user=moderator, post=post).values_list("kind", flat=True)
    ) == {"new_topic", "flag"}


def test_a_moderator_demoted_after_the_flag_no_longer_lists_nor_counts_it(
    committed, space, post, member, moderator, owner
):
    committed(flag_post, post, member, "spam")
    assert inbox.unread_count(moderator) == 1  # the count is now in the cache
    membership = Membership.objects.get(space=space, user=moderator)
    committed(change_role, by=owner, membership=membership, role=Role.MEMBER)
    assert not inbox.visible_notifications(moderator).filter(kind="flag").exists()
    assert inbox.unread_count(moderator) == 0
    assert _flag_notified(moderator).count() == 1  # kept: asked again at each request


def test_a_moderator_promoted_again_finds_the_flag_notification_back(
    committed, space, post, member, moderator, owner
):
    committed(flag_post, post, member, "spam")
    membership = Membership.objects.get(space=space, user=moderator)
    committed(change_role, by=owner, membership=membership, role=Role.MEMBER)
    membership.refresh_from_db()
    committed(change_role, by=owner, membership=membership, role=Role.MODERATOR)
    assert inbox.visible_notifications(moderator).filter(kind="flag").count() == 1
    assert inbox.unread_count(moderator) == 1


def test_a_demoted_moderator_keeps_the_other_notifications_of_the_space(
    committed, space, member, moderator, owner
):
    author = make_member(space)
    topic = committed(make_topic, space, author, "Sujet", "Texte")
    committed(flag_post, topic.posts.get(), member, "spam")
    membership = Membership.objects.get(space=space, user=moderator)
    committed(change_role, by=owner, membership=membership, role=Role.MEMBER)
    kinds = set(inbox.visible_notifications(moderator).values_list("kind", flat=True))
    assert kinds == {"new_topic"}


def test_flag_notifications_of_an_archived_space_leave_the_list(
    committed, space, post, member, moderator
):
    """An archived space is read-only: its queue takes no decision, so nothing calls for it."""
    committed(flag_post, post, member, "spam")
    space.is_archived = True
    space.save()
    assert not inbox.visible_notifications(moderator).filter(kind="flag").exists()
