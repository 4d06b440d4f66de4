"""Who gets an e-mail for a new topic, a reply or a mention, and what it says."""

import pytest
from django.core import mail

from extranet.forum.services import create_topic, edit_post, hide_post, reply
from extranet.notifications.models import NotificationLevel
from extranet.notifications.services import send_post_notifications
from extranet.notifications.subscriptions import update_subscription
from tests.factories.extranet import make_member, make_topic

pytestmark = pytest.mark.django_db


def recipients(outbox):
    return sorted(address for message in outbox for address in message.to)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the services schedule for after commit (the immediate task backend then
    sends at once)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def audience(space, other_space, member, moderator, owner, removed_member, inactive_member):
    """Members of `space` (member, moderator, owner), plus people who must never be e-mailed."""
    make_member(other_space, email="autre-espace@exemple.org")


def test_nothing_is_sent_before_the_post_is_committed(space, member, moderator, outbox):
    make_topic(space, member)
    assert outbox == []


def test_new_topic_goes_to_every_member_but_the_author(space, member, audience, committed, outbox):
    committed(create_topic, space, member, "Place des parents", "Comment les associer ?")
    assert recipients(outbox) == ["animatrice@exemple.org", "responsable@exemple.org"]
    assert all(len(message.to) == 1 for message in outbox)
    assert outbox[0].subject == (
        "[Réseau PEP'S – coordinateur·rice·s CLSPD] Nouveau sujet : Place des parents"
    )


def test_reply_goes_to_those_who_took_part_not_to_every_member(
    space, member, moderator, owner, audience, committed, outbox
):
    topic = make_topic(space, member)
    committed(reply, topic, moderator, "Réponse")
    # The topic's author took part; the owner, at the default level, did not.
    assert recipients(outbox) == ["membre@exemple.org"]
    assert "Nouvelle réponse" in outbox[0].subject


def test_removed_inactive_and_outsiders_never_get_anything(
    space, member, audience, committed, outbox
):
    committed(create_topic, space, member, "Titre", "Texte")
    for excluded in ("ancien-membre@", "desactive@", "autre-espace@", "exterieur@"):
        assert not any(address.startswith(excluded) for address in recipients(outbox))


def test_mentioned_member_gets_one_mention_email_not_two(
    space, member, moderator, owner, committed, outbox
):
    topic = make_topic(space, member)
    committed(reply, topic, member, "Qu'en pensez-vous @Sacha.Anime ?")
    to_moderator = [m for m in outbox if m.to == ["animatrice@exemple.org"]]
    assert len(to_moderator) == 1
    assert "vous a mentionné·e" in to_moderator[0].subject
    assert [m.to for m in outbox if "Nouvelle réponse" in m.subject] == []


def test_a_mention_in_an_email_links_the_members_card_absolutely(
    space, member, moderator, committed, outbox, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://rt.exemple.org"
    topic = make_topic(space, member)
    committed(reply, topic, member, "Qu'en pensez-vous @Sacha.Anime ?")
    [message] = [m for m in outbox if m.to == ["animatrice@exemple.org"]]
    html = message.alternatives[0][0]
    card = f"https://rt.exemple.org/extranet/{space.slug}/membres/fiche/{moderator.pk}/"
    assert f'<a href="{card}" rel="nofollow noopener">@Sacha.Anime</a>' in html


def test_watching_level_gets_every_reply(space, member, moderator, committed, outbox):
    update_subscription(moderator, space, level=NotificationLevel.WATCHING)
    topic = make_topic(space, member)
    committed(reply, topic, member, "Sans mention")
    assert recipients(outbox) == ["animatrice@exemple.org"]


def test_normal_level_gets_mentions_but_not_replies_to_others_topics(
    space, member, moderator, committed, outbox
):
    topic = make_topic(space, member)
    committed(reply, topic, member, "Sans mention")
    assert recipients(outbox) == []
    committed(reply, topic, member, "Avec @Sacha.Anime")
    assert recipients(outbox) == ["animatrice@exemple.org"]


def test_muted_level_gets_nothing_not_even_mentions(space, member, moderator, committed, outbox):
    update_subscription(moderator, space, level=NotificationLevel.MUTED)
    topic = make_topic(space, member)
    committed(reply, topic, member, "@Sacha.Anime, un avis ?")
    assert recipients(outbox) == []


def test_settings_are_per_space(space, other_space, member, moderator, committed, outbox):
    make_member(other_space, user=moderator)
    update_subscription(moderator, other_space, level=NotificationLevel.MUTED)
    committed(create_topic, space, member, "Ici", "Texte")
    assert recipients(outbox) == ["animatrice@exemple.org"]


def test_member_removed_before_the_task_runs_gets_nothing(space, member, moderator, outbox):
    topic = make_topic(space, member)
    post = reply(topic, member, "Réponse")
    moderator.space_memberships.get(space=space).delete()
    send_post_notifications(post.pk, new_topic=False)
    assert recipients(outbox) == []


def test_account_deactivated_before_the_task_runs_gets_nothing(space, member, moderator, outbox):
    post = reply(make_topic(space, member), member, "Réponse")
    moderator.is_active = False
    moderator.save()
    send_post_notifications(post.pk, new_topic=False)
    assert recipients(outbox) == []


def test_post_hidden_before_the_task_runs_is_not_sent(space, member, moderator, owner, outbox):
    post = reply(make_topic(space, member), member, "Réponse")
    hide_post(post, moderator, "Hors charte")
    assert send_post_notifications(post.pk, new_topic=False) == 0
    assert outbox == []


def test_edit_notifies_only_newly_mentioned_members(
    space, member, moderator, owner, committed, outbox
):
    topic = make_topic(space, member, body="Bonjour @Sacha.Anime")
    post = topic.posts.get()
    committed(edit_post, post, member, "Bonjour @Sacha.Anime et @Dominique.Resp")
    assert recipients(outbox) == ["responsable@exemple.org"]
    assert "vous a mentionné·e" in outbox[0].subject


def test_email_is_french_plain_text_with_an_html_alternative(
    space, member, moderator, committed, outbox
):
    update_subscription(moderator, space, level=NotificationLevel.WATCHING)
    topic = make_topic(space, member, title="L'accompagnement")
    committed(reply, topic, member, "C'est <strong>important</strong> & urgent<script>x</script>")
    message = outbox[0]
    assert "Bonjour Sacha," in message.body
    assert "Camille Membre a répondu au sujet « L'accompagnement »" in message.body
    assert "C'est important & urgent" in message.body
    assert "&#x27;" not in message.body and "&amp;" not in message.body
    assert f"http://testserver/extranet/peps/sujets/{topic.pk}/#message-" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<strong>important</strong>" in html
    assert "<script>" not in html
    # One-click unsubscribe (RFC 8058); the settings page stays linked in the text.
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/extranet/desabonnement/"
    )
    assert "http://testserver/extranet/peps/notifications/" in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_posting_works_even_if_sending_fails(space, member, moderator, committed, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP injoignable")

    monkeypatch.setattr("portal.mailing.delivery.get_connection", broken)
    topic = committed(create_topic, space, member, "Titre", "Texte")
    assert topic.pk is not None
    assert mail.outbox == []
