"""Mentioning a member and quoting a post in a real browser (Chromium through Playwright).

A member types « @hél » in the reply, the composer offers the space's matching members in a
listbox driven from the textarea (aria-activedescendant), the arrow keys move and Enter writes
the handle; the published reply links the member's card and mentions them. « Citer » adds a
quotation of a post to the reply being written. The page has 0 axe-core violations with the
list open and after quoting.
"""

import re

import pytest
from playwright.sync_api import expect

from extranet.forum.models import Mention, Post
from extranet.spaces.roles import Role
from tests.browser import axe
from tests.browser.test_member_journey import PASSWORD, log_in
from tests.factories.extranet import SpaceFactory, make_member, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def forum():
    space = SpaceFactory(name="Réseau VRL Occitanie", slug="vrl")
    animator = make_member(
        space,
        Role.MODERATOR,
        email="animatrice.citer@exemple.org",
        first_name="Sacha",
        last_name="Anime",
    )
    topic = make_topic(space, animator, title="Formation VRL : retours", body="Vos retours ?")
    helene = make_member(
        space,
        first_name="Hélène",
        last_name="Dupré",
        email="h.dupre@exemple.org",
        organisation="Mairie d'Albi",
    )
    make_member(space, first_name="Héloïse", last_name="Martin", email="h.martin@exemple.org")
    member = make_member(
        space,
        email="camille.mentions@exemple.org",
        first_name="Camille",
        last_name="Mentions",
        password=PASSWORD,
    )
    return {"space": space, "topic": topic, "member": member, "helene": helene}


def test_a_member_picks_a_mention_with_the_keyboard_and_the_reply_links_them(new_page, forum):
    space, topic = forum["space"], forum["topic"]
    page = new_page()
    log_in(page, forum["member"].email)
    page.goto(f"/extranet/{space.slug}/sujets/{topic.pk}/")

    message = page.get_by_role("textbox", name="Message")
    message.press_sequentially("Merci @hél")
    suggestions = page.get_by_role("listbox", name="Membres à mentionner")
    expect(suggestions).to_be_visible()
    options = suggestions.get_by_role("option")
    expect(options).to_have_text(["Hélène Dupré – Mairie d'Albi", "Héloïse Martin"])
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    expect(message).to_have_attribute("aria-activedescendant", options.nth(0).get_attribute("id"))
    assert axe.violations(page) == []  # with the list open

    message.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(message).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id"))
    message.press("ArrowUp")
    message.press("Enter")
    expect(message).to_have_value("Merci @Hélène.Dupré ")
    expect(suggestions).to_be_hidden()
    expect(message).not_to_have_attribute("aria-activedescendant", "")

    message.press_sequentially("et @hél")  # Escape closes without writing anything
    expect(suggestions).to_be_visible()
    message.press("Escape")
    expect(suggestions).to_be_hidden()
    expect(message).to_have_value("Merci @Hélène.Dupré et @hél")
    message.fill("Merci @Hélène.Dupré pour la session")

    page.get_by_role("button", name="Publier la réponse").click()
    expect(page.get_by_text("Votre réponse a été publiée.")).to_be_visible()
    published = page.locator("article.post", has_text="pour la session")
    link = published.get_by_role("link", name="@Hélène.Dupré")
    expect(link).to_have_attribute(
        "href", f"/extranet/{space.slug}/membres/fiche/{forum['helene'].pk}/"
    )
    post = Post.objects.get(topic=topic, author=forum["member"])
    assert list(Mention.objects.filter(post=post).values_list("user", flat=True)) == [
        forum["helene"].pk
    ]
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hélène Dupré")


def test_a_member_quotes_a_post_into_the_reply_being_written(new_page, forum):
    space, topic = forum["space"], forum["topic"]
    page = new_page()
    log_in(page, forum["member"].email)
    page.goto(f"/extranet/{space.slug}/sujets/{topic.pk}/")

    message = page.get_by_role("textbox", name="Message")
    message.fill("Bonjour,")
    page.get_by_role("link", name="Citer le message de Sacha Anime").click()
    expect(message).to_be_focused()
    expect(message).to_have_value(
        re.compile(
            r"^Bonjour,\n\n> \*\*Sacha Anime\*\* a écrit \[le .+\]\(.+#message-\d+\) :\n"
            r">\n> Vos retours \?\n\n$"
        )
    )
    expect(page).to_have_url(f"/extranet/{space.slug}/sujets/{topic.pk}/")  # no page load
    assert axe.violations(page) == []

    message.press("End")
    message.press_sequentially("Très utile.")
    page.get_by_role("button", name="Publier la réponse").click()
    expect(page.get_by_text("Votre réponse a été publiée.")).to_be_visible()
    published = page.locator("article.post", has_text="Très utile.")
    expect(published.locator("blockquote")).to_contain_text("Sacha Anime a écrit")
    expect(published.locator("blockquote")).to_contain_text("Vos retours ?")
