"""A form sent twice publishes once: the hidden token of the creation forms
(``extranet/web/once.py``), fresh at each showing even from a cached topic page."""

import re

from extranet.forum.models import Post, Topic
from extranet.idempotency.models import IdempotencyKey
from extranet.web import once

from .conftest import space_url

TOKEN = re.compile(r'name="submission_token" value="([^"]+)"')


def token_on(response):
    found = TOKEN.findall(response.content.decode())
    assert len(found) == 1, "one creation form, one token"
    return found[0]


def test_a_reply_sent_twice_publishes_once_and_both_land_on_it(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)
    url = space_url("topic_detail", space, pk=topic.pk)
    token = token_on(client.get(url))
    data = {"body": "Envoyée deux fois par un double clic.", once.FIELD: token}

    first, second = client.post(url, data), client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    posts = Post.objects.filter(topic=topic, body__contains="double clic")
    assert posts.count() == 1
    assert first["Location"].endswith(f"#message-{posts.get().pk}")


def test_a_topic_sent_twice_opens_one(client, member, space):
    client.force_login(member)
    url = space_url("topic_create", space)
    token = token_on(client.get(url))
    data = {"title": "Un sujet, un seul", "body": "Premier message.", once.FIELD: token}

    first, second = client.post(url, data), client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Topic.objects.filter(space=space, title="Un sujet, un seul").count() == 1


def test_each_showing_of_a_cached_topic_page_has_a_new_token(client, member, furnished):
    """The thread is a cached fragment: a token stored with it would make two replies
    written from two showings of the page one and the same."""
    client.force_login(member)
    url = space_url("topic_detail", furnished.space, pk=furnished.topic.pk)
    first, second = client.get(url), client.get(url)  # the second is served from the cache
    assert token_on(first) != token_on(second)
    assert ".form" not in token_on(second)  # no placeholder left behind


def test_two_replies_from_two_showings_are_two_posts(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)
    url = space_url("topic_detail", space, pk=topic.pk)
    tokens = [token_on(client.get(url)), token_on(client.get(url))]
    for number, token in enumerate(tokens):
        client.post(url, {"body": f"Réponse n° {number}", once.FIELD: token})
    assert Post.objects.filter(topic=topic, body__contains="Réponse n°").count() == 2


def test_a_token_sent_again_with_another_text_is_refused_with_a_new_form(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)
    url = space_url("topic_detail", space, pk=topic.pk)
    token = token_on(client.get(url))
    client.post(url, {"body": "Premier texte", once.FIELD: token})

    response = client.post(url, {"body": "Texte changé", once.FIELD: token})

    assert response.status_code == 200
    assert "déjà été envoyé avec un autre contenu" in response.content.decode()
    assert token_on(response) != token  # sending this form again publishes it
    assert not Post.objects.filter(body__contains="Texte changé").exists()


def test_a_form_without_token_still_publishes(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)
    url = space_url("topic_detail", space, pk=topic.pk)
    client.post(url, {"body": "Sans jeton"})
    client.post(url, {"body": "Sans jeton"})
    assert Post.objects.filter(topic=topic, body__contains="Sans jeton").count() == 2
    assert not IdempotencyKey.objects.exists()
