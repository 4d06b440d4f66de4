"""« Citer » : quoting a post into a reply, with JavaScript (the ``post_quote`` JSON the composer
inserts) and without (``?quote=<post>`` fills the reply form). Only a post the member sees and
may reply to is quotable; a hidden or deleted post never is, whoever asks."""

import re
from html import unescape

import pytest
from django.utils import timezone

from extranet.forum.models import BodyFormat, Mention, Post, Topic
from extranet.forum.services import reply
from tests.factories.extranet import make_member, make_reply, make_topic

from .conftest import space_url

pytestmark = pytest.mark.django_db

TEXTAREA = re.compile(r"<textarea[^>]*>(.*?)</textarea>", re.S)


@pytest.fixture
def quoted(furnished):
    """A Markdown reply by Noor Autrice in the furnished topic."""
    post = reply(
        furnished.topic,
        furnished.others_post.author,
        "Nous passons par la **convention** de 2024.\n\nEt vous ?",
        BodyFormat.MARKDOWN,
    )
    post.topic.space = furnished.space
    return post


def topic_page(client, furnished, **query):
    url = space_url("topic_detail", furnished.space, pk=furnished.topic.pk)
    return client.get(url, query).content.decode()


def reply_text(page):
    match = TEXTAREA.search(page)
    return unescape(match.group(1)).lstrip("\n") if match else None


def quote_json(client, space, post):
    return client.get(space_url("post_quote", space, pk=post.pk))


def test_a_quotation_names_the_author_links_the_post_and_quotes_the_markdown(
    client, member, furnished, quoted
):
    client.force_login(member)
    markdown = quote_json(client, furnished.space, quoted).json()["markdown"]
    lines = markdown.split("\n")
    assert re.fullmatch(
        rf"> \*\*Noor Autrice\*\* a écrit \[le .+\]\(/extranet/peps/sujets/"
        rf"{furnished.topic.pk}/\?page=1#message-{quoted.pk}\) :",
        lines[0],
    )
    assert lines[1:] == [
        ">",
        "> Nous passons par la **convention** de 2024.",
        ">",
        "> Et vous ?",
        "",
        "",
    ]


def test_without_javascript_the_quote_link_fills_the_reply_form(client, member, furnished, quoted):
    client.force_login(member)
    expected = quote_json(client, furnished.space, quoted).json()["markdown"]
    page = topic_page(client, furnished, quote=quoted.pk)
    assert reply_text(page) == expected


def test_each_visible_post_has_a_quote_link_to_the_prefilled_form(
    client, member, furnished, quoted
):
    client.force_login(member)
    page = topic_page(client, furnished)
    href = f"/extranet/peps/sujets/{furnished.topic.pk}/?page=1&amp;quote={quoted.pk}#reply-title"
    json_url = space_url("post_quote", furnished.space, pk=quoted.pk)
    assert f'<a href="{href}" data-quote-url="{json_url}"' in page
    assert page.count(">Citer<") == 2  # the first post and the reply


def test_a_quoted_reply_publishes_with_the_quotation_and_keeps_its_form_token(
    client, member, furnished, quoted
):
    client.force_login(member)
    page = topic_page(client, furnished, quote=quoted.pk)
    token = re.search(r'name="submission_token" value="([^"]+)"', page).group(1)
    body = reply_text(page) + "Pareil chez nous."
    url = space_url("topic_detail", furnished.space, pk=furnished.topic.pk)
    client.post(url, {"body": body, "submission_token": token})
    client.post(url, {"body": body, "submission_token": token})  # sent twice: once
    [published] = Post.objects.filter(author=member)
    assert "<blockquote>" in published.body
    assert "<strong>convention</strong>" in published.body


def test_quoting_a_post_does_not_mention_again_the_members_it_mentioned(client, member, furnished):
    helene = make_member(furnished.space, first_name="Hélène", last_name="Dupré")
    author = furnished.others_post.author
    post = reply(furnished.topic, author, "Merci @Hélène.Dupré", BodyFormat.MARKDOWN)
    assert Mention.objects.filter(post=post, user=helene).exists()
    client.force_login(member)
    body = quote_json(client, furnished.space, post).json()["markdown"] + "D'accord."
    quoting = reply(furnished.topic, member, body, BodyFormat.MARKDOWN)
    assert not Mention.objects.filter(post=quoting).exists()


def _hidden(post):
    Post.objects.filter(pk=post.pk).update(is_hidden=True, hidden_reason="Hors charte")


def _deleted(post):
    Post.objects.filter(pk=post.pk).update(deleted_at=timezone.now())


@pytest.mark.parametrize("make_unquotable", [_hidden, _deleted])
@pytest.mark.parametrize("role", ["member", "moderator"])
def test_a_hidden_or_deleted_post_is_not_quotable_even_by_moderators(
    request, client, furnished, quoted, make_unquotable, role
):
    make_unquotable(quoted)
    client.force_login(request.getfixturevalue(role))
    assert quote_json(client, furnished.space, quoted).status_code == 404
    page = topic_page(client, furnished, quote=quoted.pk)
    assert reply_text(page) == ""
    assert f"quote={quoted.pk}" not in page


def test_a_post_of_another_space_is_not_quotable(client, member, furnished, other_space):
    elsewhere = make_topic(other_space, title="Ailleurs", body="Texte d'un autre espace")
    post = elsewhere.posts.get()
    client.force_login(member)
    assert quote_json(client, furnished.space, post).status_code == 404
    assert quote_json(client, other_space, post).status_code == 404
    assert reply_text(topic_page(client, furnished, quote=post.pk)) == ""


def test_outsiders_get_404_for_a_quotation(client, outsider, furnished, quoted):
    client.force_login(outsider)
    assert quote_json(client, furnished.space, quoted).status_code == 404


def test_a_locked_topic_offers_no_quote(client, member, furnished, quoted):
    Topic.objects.filter(pk=furnished.topic.pk).update(is_locked=True)
    client.force_login(member)
    assert quote_json(client, furnished.space, quoted).status_code == 404
    assert ">Citer<" not in topic_page(client, furnished)


def test_a_quote_request_for_a_missing_post_shows_the_plain_page(client, member, furnished):
    make_reply(furnished.topic, furnished.others_post.author)
    client.force_login(member)
    for asked in ("999999", "abc", ""):
        assert reply_text(topic_page(client, furnished, quote=asked)) == ""
