"""Writing a post in the UI: Markdown, the preview (with and without JavaScript), the composer's
hooks, and older HTML posts edited as HTML."""

import re

from extranet.forum.models import BodyFormat, Post
from extranet.forum.services import create_topic
from tests.factories.extranet import make_member, make_topic

from .conftest import space_url


def test_a_reply_is_written_in_markdown_and_shown_rendered(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)

    response = client.post(
        space_url("topic_detail", space, pk=topic.pk),
        {"body": "Un **point** et [le site](https://exemple.org)"},
        follow=True,
    )

    post = topic.posts.order_by("-pk").first()
    assert (post.format, post.source) == (
        BodyFormat.MARKDOWN,
        "Un **point** et [le site](https://exemple.org)",
    )
    assert (
        '<p>Un <strong>point</strong> et <a href="https://exemple.org" rel="nofollow noopener">'
        "le site</a></p>" in response.content.decode()
    )


def test_a_new_topic_is_written_in_markdown(client, member, space):
    client.force_login(member)
    client.post(space_url("topic_create", space), {"title": "Sujet", "body": "- un\n- deux"})
    post = Post.objects.get(topic__title="Sujet")
    assert post.format == BodyFormat.MARKDOWN
    assert post.body == "<ul>\n<li>un</li>\n<li>deux</li>\n</ul>"


def test_the_textarea_names_its_format_and_preview_url_for_the_composer(client, member, furnished):
    client.force_login(member)
    page = client.get(space_url("topic_detail", furnished.space, pk=furnished.topic.pk))
    textarea = re.search(r"<textarea[^>]*>", page.content.decode()).group(0)
    assert 'data-composer="markdown"' in textarea
    assert f'data-preview-url="{space_url("post_preview", furnished.space)}"' in textarea


def test_extranet_pages_load_the_composer_from_the_site_itself(client, member, furnished):
    client.force_login(member)
    page = client.get(space_url("topic_detail", furnished.space, pk=furnished.topic.pk))
    html = page.content.decode()
    assert '<script src="/static/js/composer.js" defer></script>' in html
    assert '<link rel="stylesheet" href="/static/css/composer.css">' in html


# --- the preview endpoint (live preview) ----------------------------------------------------


def test_preview_renders_through_the_code_of_the_published_post(client, member, space):
    client.force_login(member)
    response = client.post(
        space_url("post_preview", space), {"body": "**gras**<script>alert(1)</script>"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content.decode() == "<p><strong>gras</strong></p>"
    assert "no-cache" in response["Cache-Control"]


def test_preview_of_an_html_post_only_cleans_it(client, member, space):
    client.force_login(member)
    response = client.post(space_url("post_preview", space), {"body": "**a**", "format": "html"})
    assert response.content.decode() == "<p>**a**</p>"


def test_preview_is_a_404_outside_ones_spaces(client, outsider, space):
    client.force_login(outsider)
    response = client.post(space_url("post_preview", space), {"body": "x"})
    assert response.status_code == 404


def test_preview_sends_anonymous_visitors_to_the_login_page(client, space):
    response = client.post(space_url("post_preview", space), {"body": "x"})
    assert response.status_code == 302
    assert "/connexion/" in response["Location"]


def test_preview_only_answers_post(client, member, space):
    client.force_login(member)
    assert client.get(space_url("post_preview", space)).status_code == 405


def test_preview_refuses_an_unknown_format_with_a_json_field_error(client, member, space):
    client.force_login(member)
    response = client.post(space_url("post_preview", space), {"body": "x", "format": "rtf"})
    assert response.status_code == 400
    assert "format" in response.json()["errors"]


# --- the preview without JavaScript -------------------------------------------------------------


def test_preview_button_shows_the_rendered_reply_without_publishing_it(client, member, furnished):
    space, topic = furnished.space, furnished.topic
    client.force_login(member)
    count = topic.posts.count()

    response = client.post(
        space_url("topic_detail", space, pk=topic.pk), {"body": "*essai*", "preview": "1"}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Aperçu du message" in page
    assert '<div class="post__body"><p><em>essai</em></p></div>' in page
    assert re.search(r"<textarea[^>]*>\s*\*essai\*</textarea>", page)  # the text stays
    assert topic.posts.count() == count


def test_preview_of_a_new_topic_needs_no_title_and_shows_no_error(client, member, space):
    client.force_login(member)
    response = client.post(space_url("topic_create", space), {"body": "**a**", "preview": "1"})
    page = response.content.decode()
    assert "<p><strong>a</strong></p>" in page
    assert "Le titre est obligatoire." not in page
    assert not Post.objects.exists()


def test_edit_form_shows_the_markdown_as_written(client, member, space):
    topic = create_topic(space, member, "Sujet", "*premier jet*", format=BodyFormat.MARKDOWN)
    post = topic.posts.get()
    client.force_login(member)
    client.post(
        space_url("post_edit", space, pk=post.pk), {"body": "**écrit** en Markdown"}, follow=True
    )
    page = client.get(space_url("post_edit", space, pk=post.pk)).content.decode()
    assert re.search(r"<textarea[^>]*>\s*\*\*écrit\*\* en Markdown</textarea>", page)


def test_an_older_html_post_is_edited_as_html_with_its_help(client, space):
    author = make_member(space)
    topic = make_topic(space, author=author)
    old = Post.objects.create(topic=topic, author=author, body="<p>Ancien <em>texte</em></p>")
    client.force_login(author)

    page = client.get(space_url("post_edit", space, pk=old.pk)).content.decode()

    assert 'data-composer="html"' in page
    assert "&lt;p&gt;Ancien &lt;em&gt;texte&lt;/em&gt;&lt;/p&gt;</textarea>" in page
    assert "écrit en HTML avant le passage au Markdown" in page
