"""The post sanitiser: nothing executable survives, allowed formatting does, and it is stable."""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from extranet.forum.sanitize import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_PROTOCOLS,
    ALLOWED_TAGS,
    clean_html,
    html_to_text,
)

PLACEHOLDERS = {
    "{TAB}": "\t",
    "{LF}": "\n",
    "{CR}": "\r",
    "{FF}": "\f",
    "{NUL}": "\x00",
    "{SOH}": "\x01",
}


def load_vectors():
    vectors = []
    path = Path(__file__).with_name("xss_vectors.txt")
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for placeholder, char in PLACEHOLDERS.items():
            line = line.replace(placeholder, char)
        vectors.append(line)
    return vectors


VECTORS = load_vectors()
# What browsers ignore inside a URL before reading its scheme: leading/trailing C0 controls
# and spaces, and tabs/newlines anywhere.
URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def executable_parts(html):
    """Everything in ``html`` a browser could execute or that escapes the allow-list."""
    problems = []
    if re.search(r"<\s*(script|style|iframe|object|embed|svg|math)", html, re.IGNORECASE):
        problems.append("raw dangerous tag")
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        if element.name not in ALLOWED_TAGS:
            problems.append(f"tag {element.name}")
        allowed = set(ALLOWED_ATTRIBUTES.get(element.name, [])) | (
            {"rel"} if element.name == "a" else set()
        )
        for attribute, value in element.attrs.items():
            if attribute.lower().startswith("on"):
                problems.append(f"event handler {attribute}")
            if attribute not in allowed:
                problems.append(f"attribute {attribute} on {element.name}")
            if attribute == "href":
                # BeautifulSoup already decoded character references, as a browser does;
                # decoding again would read "&amp;colon;" as ":" when a browser would not.
                url = URL_IGNORED.sub("", value).lower()
                match = SCHEME.match(url)
                if match and match.group(1) not in ALLOWED_PROTOCOLS:
                    problems.append(f"href scheme {match.group(1)}")
    return problems


def test_corpus_holds_at_least_a_hundred_and_twenty_vectors():
    assert len(VECTORS) >= 120


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_leaves_nothing_executable(vector):
    assert executable_parts(clean_html(vector)) == []


@pytest.mark.parametrize("vector", VECTORS)
def test_cleaning_twice_changes_nothing(vector):
    once = clean_html(vector)
    assert clean_html(once) == once


def test_checker_detects_what_it_must_refuse():
    # Guards the guard: the corpus tests are only worth something if the checker can fail.
    assert executable_parts('<a href="java\tscript:alert(1)">x</a>')
    assert executable_parts('<a href="&#106;avascript:alert(1)">x</a>')
    assert executable_parts('<p onclick="x">x</p>')
    assert executable_parts("<img src=x>")
    assert executable_parts("<svg></svg>")


def test_script_and_style_contents_are_removed_not_escaped_into_text():
    assert clean_html("<script>alert('piégé')</script>Bonjour") == "<p>Bonjour</p>"
    assert clean_html("<style>p { color: red }</style><p>Bonjour</p>") == "<p>Bonjour</p>"


def test_allowed_formatting_survives_unchanged():
    html = (
        "<h3>Compte rendu</h3><p>Un <strong>point</strong> et un <em>autre</em>.<br>Suite</p>"
        "<ul><li>un</li></ul><ol><li>deux</li></ol><blockquote><p>citation</p></blockquote>"
        "<pre><code>code</code></pre><h4>Annexe</h4>"
    )
    assert clean_html(html) == html


def test_links_keep_allowed_schemes_and_get_nofollow_noopener():
    html = clean_html(
        '<a href="https://exemple.org" title="Site">site</a> '
        '<a href="mailto:contact@exemple.org">courriel</a> <a href="/extranet/">interne</a>'
    )
    links = BeautifulSoup(html, "html.parser").find_all("a")
    assert [link["href"] for link in links] == [
        "https://exemple.org",
        "mailto:contact@exemple.org",
        "/extranet/",
    ]
    assert links[0]["title"] == "Site"
    assert all(link["rel"] == ["nofollow", "noopener"] for link in links)


def test_disallowed_scheme_drops_the_href_but_keeps_the_link_text():
    assert clean_html('<a href="javascript:alert(1)">lire</a>') == (
        '<p><a rel="nofollow noopener">lire</a></p>'
    )


@pytest.mark.parametrize("control", ["\x0c", "\x01", "\x00", "\x7f"])
def test_links_with_control_characters_lose_their_href(control):
    # Read as a relative path by the URL standard, but no lenient parser gets the chance.
    assert clean_html(f'<a href="https://exem{control}ple.org">x</a>') == (
        '<p><a rel="nofollow noopener">x</a></p>'
    )


def test_attributes_allowed_on_links_only_stay_off_other_tags():
    # Ammonia's defaults allow lang and title on every tag; the allow-list does not.
    assert clean_html('<p lang="fr" title="x" dir="rtl">a</p>') == "<p>a</p>"


def test_sanitiser_is_nh3_not_bleach():
    import extranet.forum.sanitize as module

    source = Path(module.__file__).read_text(encoding="utf-8")
    assert "import nh3" in source
    assert "bleach" not in source


def test_user_supplied_rel_and_target_are_replaced():
    html = clean_html('<a href="https://exemple.org" rel="opener" target="_blank">x</a>')
    assert 'rel="nofollow noopener"' in html
    assert "target" not in html
    assert "opener" not in html.replace("noopener", "")


def test_plain_text_line_breaks_become_paragraphs_and_br():
    text = "Bonjour à toutes et tous,\r\n\r\nvoici le compte rendu\r\nde la rencontre.\n"
    assert clean_html(text) == (
        "<p>Bonjour à toutes et tous,</p><p>voici le compte rendu<br>de la rencontre.</p>"
    )


def test_plain_text_special_characters_are_escaped_not_interpreted():
    assert clean_html("3 < 5 & 7 > 2") == "<p>3 &lt; 5 &amp; 7 &gt; 2</p>"


def test_inline_html_without_blocks_is_wrapped_in_paragraphs():
    assert clean_html("Un <strong>mot</strong>\n\nDeux") == (
        "<p>Un <strong>mot</strong></p><p>Deux</p>"
    )


def test_other_headings_are_mapped_to_allowed_levels():
    assert clean_html("<h1>Titre</h1><h6>Note</h6>") == "<h3>Titre</h3><h4>Note</h4>"


def test_preformatted_text_keeps_its_leading_newline_across_passes():
    once = clean_html("<pre>\n\nligne</pre>")
    assert clean_html(once) == once
    assert "ligne" in once


@pytest.mark.parametrize("empty", ["", "   ", "\n\n", "<script>x</script>", "<p></p>"])
def test_input_without_content_cleans_to_nothing_visible(empty):
    assert html_to_text(clean_html(empty)) == ""


def test_html_to_text_keeps_paragraphs_and_unescapes():
    assert html_to_text("<p>A &amp; B</p><p>un<br>deux</p>") == "A & B\n\nun\ndeux"
