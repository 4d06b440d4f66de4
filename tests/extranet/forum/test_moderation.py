"""Flags and the moderation queue (extranet.forum.moderation): one test per rule."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from extranet.forum.models import Flag, FlagReason, FlagStatus, ModerationAction, ModerationKind
from extranet.forum.moderation import (
    dismiss_flags,
    flag_post,
    flag_queue,
    hide_flagged_post,
    open_flag_count,
    restore_flagged_post,
)
from extranet.forum.services import hide_post
from tests.factories.extranet import make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def author(space):
    return make_member(space, email="auteur@exemple.org", first_name="Ariane", last_name="Auteur")


@pytest.fixture
def post(space, author):
    return make_topic(space, author, body="Un message discutable").posts.get()


@pytest.fixture
def other_member(space):
    return make_member(space, email="autre@exemple.org", first_name="Noé", last_name="Autre")


def _open(post):
    return post.flags.filter(status=FlagStatus.OPEN).count()


def test_member_flags_a_post_with_a_reason(post, member):
    flag = flag_post(post, member, FlagReason.SPAM)
    assert (flag.post, flag.member, flag.reason, flag.status) == (
        post,
        member,
        FlagReason.SPAM,
        FlagStatus.OPEN,
    )


def test_member_flags_a_post_only_once(post, member):
    flag_post(post, member, FlagReason.SPAM)
    with pytest.raises(ValidationError, match="déjà signalé"):
        flag_post(post, member, FlagReason.OFF_TOPIC)
    assert Flag.objects.count() == 1


def test_other_reason_needs_details(post, member):
    with pytest.raises(ValidationError) as error:
        flag_post(post, member, FlagReason.OTHER, "  ")
    assert "details" in error.value.message_dict
    assert flag_post(post, member, FlagReason.OTHER, "Lien cassé").details == "Lien cassé"


def test_unknown_reason_is_refused(post, member):
    with pytest.raises(ValidationError) as error:
        flag_post(post, member, "fâché")
    assert "reason" in error.value.message_dict


def test_member_cannot_flag_own_post(post, author):
    with pytest.raises(PermissionDenied):
        flag_post(post, author, FlagReason.SPAM)


def test_hidden_post_cannot_be_flagged_even_by_a_moderator(post, member, moderator):
    hide_post(post, moderator, "Hors charte")
    for user in (member, moderator):
        with pytest.raises(Http404):
            flag_post(post, user, FlagReason.SPAM)


def test_post_of_another_space_cannot_be_flagged(other_space, member):
    foreign = make_topic(other_space).posts.get()
    with pytest.raises(Http404):
        flag_post(foreign, member, FlagReason.SPAM)


def test_queue_lists_flagged_posts_with_counts_per_reason(
    space, post, member, other_member, moderator, author
):
    flag_post(post, member, FlagReason.SPAM)
    flag_post(post, other_member, FlagReason.SPAM)
    reply = make_reply(post.topic, member)
    flag_post(reply, author, FlagReason.OFF_TOPIC)
    make_reply(post.topic, member)  # not flagged: not in the queue

    queue = flag_queue(moderator, space)

    assert [(entry.post, entry.count) for entry in queue] == [(post, 2), (reply, 1)]
    assert queue[0].reasons == [("Spam", 2)]
    assert open_flag_count(space) == 3


def test_queue_is_a_404_for_members_and_outsiders(space, member, outsider):
    for user in (member, outsider):
        with pytest.raises(Http404):
            flag_queue(user, space)


def test_handled_flags_leave_the_queue(space, post, member, moderator):
    flag_post(post, member, FlagReason.SPAM)
    dismiss_flags(post, moderator)
    assert flag_queue(moderator, space) == []
    assert open_flag_count(space) == 0


def test_hide_from_queue_hides_the_post_and_closes_its_flags(post, member, other_member, moderator):
    flag_post(post, member, FlagReason.SPAM)
    flag_post(post, other_member, FlagReason.DISRESPECTFUL)
    hide_flagged_post(post, moderator, "Publicité")
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Publicité"
    assert _open(post) == 0
    assert set(post.flags.values_list("handled_by", flat=True)) == {moderator.pk}


def test_dismiss_closes_the_flags_without_hiding(post, member, moderator):
    flag_post(post, member, FlagReason.SPAM)
    dismiss_flags(post, moderator)
    post.refresh_from_db()
    assert not post.is_hidden
    assert _open(post) == 0


def test_dismiss_without_open_flags_is_refused(post, moderator):
    with pytest.raises(ValidationError):
        dismiss_flags(post, moderator)


def test_restore_shows_a_hidden_post_again(post, member, moderator):
    flag_post(post, member, FlagReason.SPAM)
    hide_flagged_post(post, moderator, "Publicité")
    restore_flagged_post(post, moderator)
    post.refresh_from_db()
    assert not post.is_hidden


def test_member_may_flag_again_a_restored_post_they_had_not_flagged(
    space, post, member, other_member, moderator
):
    flag_post(post, member, FlagReason.SPAM)
    hide_flagged_post(post, moderator, "Publicité")
    restore_flagged_post(post, moderator)
    flag_post(post, other_member, FlagReason.SPAM)
    assert [entry.count for entry in flag_queue(moderator, space)] == [1]


@pytest.mark.parametrize("action", ["hide", "restore", "dismiss"])
def test_non_moderators_get_a_404_on_queue_actions(post, member, moderator, author, action):
    flag_post(post, member, FlagReason.SPAM)
    if action == "restore":
        hide_flagged_post(post, moderator, "Publicité")
    run = {
        "hide": lambda user: hide_flagged_post(post, user, "Motif"),
        "restore": lambda user: restore_flagged_post(post, user),
        "dismiss": lambda user: dismiss_flags(post, user),
    }[action]
    for user in (member, author):
        with pytest.raises(Http404):
            run(user)


def test_history_records_each_action(post, member, other_member, moderator):
    flag_post(post, member, FlagReason.SPAM)
    flag_post(post, other_member, FlagReason.SPAM)
    hide_flagged_post(post, moderator, "Publicité")
    restore_flagged_post(post, moderator)
    flag_post(post, make_member(post.topic.space, email="tiers@exemple.org"), FlagReason.SPAM)
    dismiss_flags(post, moderator)

    actions = ModerationAction.objects.filter(post=post).order_by("pk")
    assert [(a.kind, a.moderator, a.reason, a.flags_closed) for a in actions] == [
        (ModerationKind.HIDE, moderator, "Publicité", 2),
        (ModerationKind.RESTORE, moderator, "", 0),
        (ModerationKind.DISMISS, moderator, "", 1),
    ]


def test_hiding_from_the_topic_page_also_handles_flags_and_is_recorded(post, member, moderator):
    flag_post(post, member, FlagReason.SPAM)
    hide_post(post, moderator, "Hors charte")
    assert _open(post) == 0
    assert post.moderation_actions.get().kind == ModerationKind.HIDE
