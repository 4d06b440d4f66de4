"""A topic and its matching replies come back as one result (#10 §2): « 3 réponses
correspondent », with a link to the first matching reply on its page of the thread. Counts,
facets and pages count conversations, and the replies counted are those the members see. On
every engine (``search_engine``), with the same expectations."""

import pytest

from extranet.forum.services import hide_post
from extranet.spaces.roles import Role
from search import sync
from search.service import search
from tests.factories.extranet import make_member, make_reply, make_topic

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]

TITLE = "Accueillir les familles"


@pytest.fixture
def moderator(space):
    return make_member(space, role=Role.MODERATOR)


@pytest.fixture
def thread(space, member):
    """A topic whose opening post does not say « laïcité » and three replies that do."""
    topic = make_topic(space, author=member, title=TITLE, body="Comment accueillir les parents ?")
    replies = [
        make_reply(topic, author=member, body=body)
        for body in (
            "La laïcité à l'école : un premier retour.",
            "Rien à voir, mais merci.",
            "Encore une question de laïcité en classe.",
            "Un atelier laïcité à Béziers, le 12 mars.",
        )
    ]
    sync.process_pending()
    return topic, replies


def test_a_topic_and_its_matching_replies_are_one_result(member, thread):
    topic, replies = thread
    response = search(member, "laïcité")
    assert response.total == 1
    (result,) = response.results
    assert result.title == TITLE and result.url == topic.get_absolute_url()
    assert result.replies.count == 3
    assert result.replies.url == f"{topic.get_absolute_url()}?page=1#message-{replies[0].pk}"


def test_the_topic_counts_once_in_the_kind_facet(member, thread):
    response = search(member, "laïcité")
    assert [(count.value, count.count) for count in response.facets["kind"]] == [("sujet", 1)]


def test_replies_match_every_word_in_any_of_its_forms(member, thread):
    topic, replies = thread
    (result,) = search(member, "laicite classe").results  # no accent; « classe » in one reply
    assert result.replies.count == 1
    assert result.replies.url.endswith(f"#message-{replies[2].pk}")


def test_a_topic_found_by_its_title_or_opening_post_alone_names_no_reply(member, thread):
    assert search(member, "accueillir parents").results[0].replies is None


def test_a_hidden_reply_is_neither_counted_nor_found(member, moderator, thread):
    topic, replies = thread
    hide_post(replies[0], moderator, "hors sujet")
    sync.process_pending()
    (result,) = search(member, "laïcité").results
    assert result.replies.count == 2
    assert result.replies.url.endswith(f"#message-{replies[2].pk}")
    assert search(member, "premier retour").total == 0


def test_the_link_opens_the_page_of_the_thread_where_the_reply_is(space, member):
    topic = make_topic(space, author=member, title="Une longue conversation", body="Bonjour.")
    for number in range(21):
        make_reply(topic, author=member, body=f"Réponse numéro {number}.")
    late = make_reply(topic, author=member, body="Enfin une piste : la médiation sociale.")
    sync.process_pending()
    (result,) = search(member, "médiation sociale").results
    assert result.replies.count == 1
    # 23rd post of the thread: the second page of 20.
    assert result.replies.url == f"{topic.get_absolute_url()}?page=2#message-{late.pk}"


def test_people_outside_the_space_find_neither_the_topic_nor_its_replies(outsider, thread):
    response = search(outsider, "laïcité")
    assert (response.total, response.results) == (0, [])


def test_the_search_page_says_how_many_replies_match(client, member, thread):
    topic, replies = thread
    client.force_login(member)
    html = client.get("/recherche/", {"q": "laïcité"}).content.decode()
    assert "3 réponses correspondent" in html
    assert f'href="{topic.get_absolute_url()}?page=1#message-{replies[0].pk}"' in html
    html = client.get("/recherche/", {"q": "laïcité Béziers"}).content.decode()
    assert "1 réponse correspond<" in html


def test_pages_of_as_many_topics_each_name_their_own_replies(space, member):
    # The posts' statement is compiled once per number of topics: only the ids change.
    found = {}
    for word in ("médiation", "numérique"):
        topic = make_topic(space, author=member, title=f"Atelier {word}", body="Bonjour.")
        found[word] = (topic, make_reply(topic, author=member, body=f"Une piste : la {word}."))
    sync.process_pending()
    for word, (topic, reply) in found.items():
        (result,) = search(member, f"piste {word}").results
        assert result.url == topic.get_absolute_url()
        assert result.replies.count == 1
        assert result.replies.url.endswith(f"#message-{reply.pk}")


def test_an_edited_reply_is_counted_from_its_new_text_whatever_was_read_before(member, thread):
    topic, replies = thread
    assert search(member, "laïcité").results[0].replies.count == 3  # their texts read once
    replies[2].body = "<p>Une question de <strong>mixité</strong> en classe.</p>"
    replies[2].save()
    sync.process_pending()
    (result,) = search(member, "laïcité").results
    assert result.replies.count == 2
    (result,) = search(member, "mixité classe").results
    assert result.replies.count == 1
    assert result.replies.url.endswith(f"#message-{replies[2].pk}")


def test_the_texts_kept_for_the_replies_start_afresh_past_their_bound():
    from search.memo import Memo
    from search.threads import _reply_text

    texts = Memo(_reply_text, limit=2)
    bodies = ["<p>un</p>", "<p>deux <em>et</em> trois</p>", "<ul><li>a</li><li>b</li></ul>"]
    assert [texts[body] for body in bodies] == [_reply_text(body) for body in bodies]
    assert len(texts) == 1  # the third started afresh
    assert texts[bodies[2]].length == len("a b")


def test_a_reply_is_read_as_the_length_of_its_text_and_the_terms_of_its_words():
    from search.highlight import text_terms
    from search.threads import _reply_text

    body = "<p>Les <strong>acteur·rice·s</strong> de la laïcité</p>"
    reply = _reply_text(body)
    assert reply.length == len("Les acteur·rice·s de la laïcité")
    assert reply.terms == text_terms("Les acteur·rice·s de la laïcité")
    assert _reply_text("<p> </p>") == (0, frozenset())
