"""E-mails thread per topic in mail clients and unsubscribe in one click (RFC 8058)."""

import pytest

from extranet.forum.services import create_topic, reply
from extranet.notifications import unsubscribe
from extranet.notifications.digest import build_digest, digest_email, subscribers
from extranet.notifications.models import DigestFrequency, SpaceSubscription
from tests.factories.extranet import make_topic

pytestmark = pytest.mark.django_db


def test_the_opening_post_is_the_threads_root_and_replies_point_at_it(
    space, member, moderator, committed, outbox
):
    topic = committed(create_topic, space, member, "Sujet", "Texte")
    root = outbox[0].extra_headers["Message-ID"]
    assert root == f"<extranet.topic.{topic.pk}@testserver>"
    post = committed(reply, topic, moderator, "@Camille.Membre, une réponse")
    answer = [m for m in outbox if m.to == [member.email]][-1].extra_headers
    assert answer["Message-ID"] == f"<extranet.post.{post.pk}@testserver>"
    assert answer["In-Reply-To"] == answer["References"] == root


def test_notification_emails_offer_one_click_unsubscribe(
    space, member, moderator, committed, outbox
):
    committed(create_topic, space, member, "Sujet", "Texte")
    headers = outbox[0].extra_headers
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = headers["List-Unsubscribe"].strip("<>")
    assert url.startswith("http://testserver/extranet/desabonnement/")
    assert url in outbox[0].body  # the link is in the text too
    user, target_space, frequency = unsubscribe.read_token(url.rstrip("/").rsplit("/", 1)[1])
    assert (user, target_space, frequency) == (moderator, space, None)


def test_digest_emails_offer_one_click_unsubscribe_from_the_digest(space, member, moderator):
    from datetime import timedelta

    from django.utils import timezone

    make_topic(space, member)
    now = timezone.now()
    digest = build_digest(moderator, now - timedelta(days=1), now + timedelta(minutes=1))
    message = digest_email(digest, DigestFrequency.MONTHLY)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = message.extra_headers["List-Unsubscribe"].strip("<>").rstrip("/").rsplit("/", 1)[1]
    assert unsubscribe.read_token(token) == (moderator, None, DigestFrequency.MONTHLY)


def test_a_forged_or_damaged_token_is_refused(space, member):
    token = unsubscribe.make_token(member, space=space)
    for bad in (token[:-2] + "xx", "abc", ""):
        with pytest.raises(unsubscribe.InvalidToken):
            unsubscribe.read_token(bad)


def test_a_token_of_a_deactivated_account_is_refused(space, member):
    token = unsubscribe.make_token(member, space=space)
    member.is_active = False
    member.save()
    with pytest.raises(unsubscribe.InvalidToken):
        unsubscribe.read_token(token)


def test_unsubscribing_from_a_space_mutes_it(space, member):
    unsubscribe.apply(member, space=space)
    assert SpaceSubscription.objects.get(user=member, space=space).level == "muted"


def test_unsubscribing_from_a_digest_stops_it_in_every_space_at_that_frequency(
    space, other_space, member
):
    from tests.factories.extranet import make_member

    make_member(other_space, user=member)
    unsubscribe.apply(member, frequency=DigestFrequency.MONTHLY)
    assert member.pk not in subscribers(DigestFrequency.MONTHLY)
