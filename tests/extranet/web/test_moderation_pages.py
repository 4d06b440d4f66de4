"""« Signaler » and the moderation queue pages: forms without JavaScript, CSRF-protected POSTs,
a 404 for whoever may not see the post or the queue, the count in moderators' navigation."""

import pytest
from django.test import Client

from extranet.forum.models import Flag, FlagReason, FlagStatus, ModerationKind
from extranet.forum.moderation import flag_post
from extranet.forum.services import hide_post

from .conftest import space_url

pytestmark = pytest.mark.django_db


def flag_url(furnished, post=None):
    return space_url("post_flag", furnished.space, pk=(post or furnished.others_post).pk)


def topic_page(client, furnished):
    return client.get(space_url("topic_detail", furnished.space, pk=furnished.topic.pk))


def test_member_sees_a_flag_link_on_others_posts_not_on_their_own(login, member, furnished):
    client = login(furnished.others_post.author)
    assert flag_url(furnished) not in topic_page(client, furnished).content.decode()
    client = login(member)
    assert flag_url(furnished) in topic_page(client, furnished).content.decode()


def test_member_flags_a_post_with_the_form(login, member, furnished):
    client = login(member)
    page = client.get(flag_url(furnished)).content.decode()
    assert "Propos irrespectueux" in page and "Données personnelles" in page
    response = client.post(flag_url(furnished), {"reason": FlagReason.SPAM})
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert (flag.member, flag.post, flag.reason) == (member, furnished.others_post, "spam")


def test_other_reason_without_details_shows_a_french_error(login, member, furnished):
    response = login(member).post(flag_url(furnished), {"reason": FlagReason.OTHER})
    assert response.status_code == 200
    assert "Précisez le motif du signalement." in response.content.decode()
    assert not Flag.objects.exists()


def test_second_flag_of_the_same_post_is_not_recorded(login, member, furnished):
    flag_post(furnished.others_post, member, FlagReason.SPAM)
    client = login(member)
    assert "déjà signalé" in client.get(flag_url(furnished)).content.decode()
    client.post(flag_url(furnished), {"reason": FlagReason.OFF_TOPIC})
    assert Flag.objects.get().reason == FlagReason.SPAM


def test_flagging_a_post_of_another_space_is_a_404(login, member, furnished_other):
    assert login(member).get(flag_url(furnished_other)).status_code == 404


def test_flagging_a_hidden_post_is_a_404(login, member, moderator, furnished):
    hide_post(furnished.others_post, moderator, "Hors charte")
    assert login(member).post(flag_url(furnished), {"reason": "spam"}).status_code == 404


def test_flagging_ones_own_post_is_refused(login, furnished):
    client = login(furnished.others_post.author)
    assert client.post(flag_url(furnished), {"reason": "spam"}).status_code == 403
    assert not Flag.objects.exists()


def test_flag_form_needs_the_csrf_token(member, furnished):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.post(flag_url(furnished), {"reason": "spam"}).status_code == 403
    assert not Flag.objects.exists()


def test_moderators_navigation_counts_open_flags(login, member, moderator, furnished):
    flag_post(furnished.others_post, member, FlagReason.SPAM)
    client = login(moderator)
    page = topic_page(client, furnished).content.decode()
    assert space_url("moderation_queue", furnished.space) in page
    assert '1<span class="visually-hidden"> signalement à traiter' in page
    # The cached topic page follows the count.
    flag_post(furnished.others_post, furnished.target.user, FlagReason.SPAM)
    assert '2<span class="visually-hidden"> signalements à traiter' in (
        topic_page(client, furnished).content.decode()
    )


def test_members_navigation_has_no_moderation_link(login, member, furnished):
    page = topic_page(login(member), furnished).content.decode()
    assert space_url("moderation_queue", furnished.space) not in page


def test_queue_groups_open_flags_by_post_with_counts(login, member, moderator, furnished):
    flag_post(furnished.others_post, member, FlagReason.SPAM)
    flag_post(furnished.others_post, furnished.target.user, FlagReason.OTHER, "Lien douteux")
    page = login(moderator).get(space_url("moderation_queue", furnished.space)).content.decode()
    assert "2 signalements" in page
    assert "Spam : 1" in page and "Autre : 1" in page and "Lien douteux" in page


@pytest.mark.parametrize(
    "name", ["moderation_queue", "queue_hide", "queue_restore", "queue_dismiss"]
)
def test_queue_and_its_actions_are_a_404_for_members(login, member, furnished, name):
    flag_post(furnished.others_post, member, FlagReason.SPAM)
    client = login(member)
    if name == "moderation_queue":
        response = client.get(space_url(name, furnished.space))
    else:
        response = client.post(
            space_url(name, furnished.space, pk=furnished.others_post.pk), {"reason": "x"}
        )
    assert response.status_code == 404
    assert Flag.objects.get().status == FlagStatus.OPEN


def test_hide_from_the_queue_hides_and_closes_flags(login, member, moderator, furnished):
    post = furnished.others_post
    flag_post(post, member, FlagReason.SPAM)
    client = login(moderator)
    url = space_url("queue_hide", furnished.space, pk=post.pk)
    assert client.post(url, {"reason": "Publicité"}).status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Publicité"
    assert Flag.objects.get().status == FlagStatus.HANDLED
    page = client.get(space_url("moderation_queue", furnished.space)).content.decode()
    assert "Aucun signalement à traiter." in page


def test_dismiss_from_the_queue_keeps_the_post_visible(login, member, moderator, furnished):
    post = furnished.others_post
    flag_post(post, member, FlagReason.SPAM)
    login(moderator).post(space_url("queue_dismiss", furnished.space, pk=post.pk))
    post.refresh_from_db()
    assert not post.is_hidden
    assert Flag.objects.get().status == FlagStatus.HANDLED


def test_restore_from_the_queue_shows_the_post_again(login, member, moderator, furnished):
    post = furnished.others_post
    flag_post(post, member, FlagReason.SPAM)
    hide_post(post, moderator, "Hors charte")
    login(moderator).post(space_url("queue_restore", furnished.space, pk=post.pk))
    post.refresh_from_db()
    assert not post.is_hidden
    assert post.moderation_actions.last().kind == ModerationKind.RESTORE


def test_post_history_lists_moderation_actions_for_moderators(login, member, moderator, furnished):
    post = furnished.others_post
    flag_post(post, member, FlagReason.SPAM)
    client = login(moderator)
    client.post(space_url("queue_dismiss", furnished.space, pk=post.pk))
    page = client.get(space_url("post_history", furnished.space, pk=post.pk)).content.decode()
    assert "Signalements classés sans suite par" in page and "1 signalement traité" in page
