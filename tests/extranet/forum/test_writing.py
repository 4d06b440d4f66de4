"""Posts written in Markdown: rendered on the server, sanitised, and older HTML posts unchanged."""

import pytest
from bs4 import BeautifulSoup

from extranet.forum import services
from extranet.forum.models import BodyFormat, Post
from extranet.forum.sanitize import clean_html
from extranet.forum.writing import render_body
from tests.factories.extranet import make_member, make_topic

from .test_sanitize import VECTORS, executable_parts


def test_markdown_formatting_renders_to_the_allowed_tags():
    html = render_body(
        "**gras** et *italique*, [le site](https://exemple.org)\n\n"
        "- un\n- deux\n\n1. premier\n\n> citée\n\n`code`\n\n```\nbloc\n```\n\n## Intertitre"
    )
    soup = BeautifulSoup(html, "html.parser")
    assert soup.strong.text == "gras"
    assert soup.em.text == "italique"
    assert soup.a["href"] == "https://exemple.org"
    assert [li.text for li in soup.ul.find_all("li")] == ["un", "deux"]
    assert soup.ol.li.text == "premier"
    assert soup.blockquote.p.text == "citée"
    assert soup.find("code").text == "code"
    assert soup.pre.code.text == "bloc\n"
    assert soup.h3.text == "Intertitre"


def test_links_written_in_markdown_get_nofollow_noopener():
    html = render_body("[le site](https://exemple.org) et https://www.exemple.fr/page")
    links = BeautifulSoup(html, "html.parser").find_all("a")
    assert [link["href"] for link in links] == [
        "https://exemple.org",
        "https://www.exemple.fr/page",  # a bare address becomes a link
    ]
    assert all(link["rel"] == ["nofollow", "noopener"] for link in links)


def test_a_single_line_break_is_a_line_break_and_a_blank_line_a_paragraph():
    assert render_body("Bonjour,\nà demain.\n\nCamille") == (
        "<p>Bonjour,<br>\nà demain.</p><p>Camille</p>"
    )


def test_headings_of_any_level_become_the_levels_a_post_may_use():
    assert render_body("# Titre\n\n#### Annexe\n\n###### Note") == (
        "<h3>Titre</h3><h4>Annexe</h4><h4>Note</h4>"
    )


def test_images_are_not_part_of_a_post_and_stay_a_link():
    html = render_body("![plan](https://exemple.org/plan.png)")
    assert "<img" not in html
    assert 'href="https://exemple.org/plan.png"' in html


def test_html_typed_inside_markdown_goes_through_the_sanitiser():
    assert render_body('Un <strong onclick="x">mot</strong><script>alert(1)</script>') == (
        "<p>Un <strong>mot</strong></p>"
    )


def test_text_that_looks_like_markup_is_escaped():
    assert render_body("3 < 5 & 7 > 2") == "<p>3 &lt; 5 &amp; 7 &gt; 2</p>"


def test_markdown_links_with_dangerous_schemes_are_not_links():
    html = render_body("[lire](javascript:alert(1)) [voir](data:text/html,x)")
    assert "<a" not in html


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_written_as_markdown_leaves_nothing_executable(vector):
    assert executable_parts(render_body(vector)) == []


@pytest.mark.parametrize("vector", VECTORS)
def test_rendered_markdown_is_stable_under_cleaning(vector):
    html = render_body(vector)
    assert clean_html(html) == html


def test_html_format_is_only_cleaned():
    html = "<p>Un <strong>mot</strong></p><ul><li>un</li></ul>"
    assert render_body(html, BodyFormat.HTML) == clean_html(html) == html
    # Markdown syntax in an HTML post is text, as it always was.
    assert render_body("**pas gras**", BodyFormat.HTML) == "<p>**pas gras**</p>"


# --- the services --------------------------------------------------------------------------


def test_a_markdown_post_keeps_its_source_and_stores_the_rendered_html(db, space):
    author = make_member(space)
    topic = services.create_topic(
        space, author, "Sujet", "Un **point**\n\n- a", format=BodyFormat.MARKDOWN
    )
    post = topic.posts.get()
    assert post.format == BodyFormat.MARKDOWN
    assert post.source == "Un **point**\n\n- a"
    assert post.body == "<p>Un <strong>point</strong></p><ul>\n<li>a</li>\n</ul>"
    assert post.editable_text == post.source


def test_posts_stored_in_html_keep_their_body_and_are_edited_as_html(db, space):
    author = make_member(space)
    topic = make_topic(space, author=author)
    # A post as stored before Markdown: the row has only its cleaned HTML.
    old = Post.objects.create(topic=topic, author=author, body="<p>Ancien <em>texte</em></p>")
    assert old.format == BodyFormat.HTML
    assert old.editable_text == "<p>Ancien <em>texte</em></p>"

    services.edit_post(old, author, "<p>Ancien <em>texte</em> **revu**</p>")

    old.refresh_from_db()
    assert old.format == BodyFormat.HTML
    assert old.source == ""
    assert old.body == "<p>Ancien <em>texte</em> **revu**</p>"


def test_editing_a_markdown_post_renders_the_new_source_and_keeps_the_old_body(db, space):
    author = make_member(space)
    topic = services.create_topic(space, author, "Sujet", "*un*", format=BodyFormat.MARKDOWN)
    post = topic.posts.get()

    services.edit_post(post, author, "**deux**")

    post.refresh_from_db()
    assert (post.source, post.body) == ("**deux**", "<p><strong>deux</strong></p>")
    assert post.revisions.get().body == "<p><em>un</em></p>"


def test_an_unknown_format_is_refused_with_a_field_message(db, space):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.clean_body("texte", "rtf")
    assert "format" in error.value.message_dict


def test_markdown_that_renders_to_nothing_is_an_empty_post(db, space):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.clean_body("<script>x</script>\n\n   ", BodyFormat.MARKDOWN)
    assert error.value.message_dict["body"] == ["Le message est vide."]


def test_deleting_a_post_empties_its_source_too(db, space):
    author = make_member(space)
    topic = services.create_topic(space, author, "S", "secret", format=BodyFormat.MARKDOWN)
    post = topic.posts.get()
    services.delete_post(post, author)
    post.refresh_from_db()
    assert (post.body, post.source) == ("", "")
    assert post.revisions.get().body == "<p>secret</p>"
