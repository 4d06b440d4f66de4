"""One member journey in a real browser (Chromium through Playwright, against the live server).

A member logs in through the login form, opens their space and a topic, replies through the
form and sees the reply; an outsider who logs in gets 404 on the same space. What the Django
test client cannot show: the pages work as a browser reads them (cookies, CSRF token in the
form, redirects, the anchor of the new post).
"""

import pytest
from playwright.sync_api import Page, expect

from extranet.forum.models import Post
from extranet.spaces.roles import Role
from tests.factories.extranet import SpaceFactory, make_member, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Parcours-navigateur-2025"
REPLY = "Nous réunissons les coordinateur·rice·s du CLSPD jeudi : compte rendu à suivre."


@pytest.fixture
def journey():
    """Created before the browser starts: a space with one topic, a member of it, and an
    outsider who belongs to another space only."""
    space = SpaceFactory(name="Réseau PEP'S – coordinateur·rice·s CLSPD", slug="peps")
    animator = make_member(space, Role.MODERATOR, email="animatrice.parcours@exemple.org")
    topic = make_topic(
        space,
        animator,
        title="Dérives sectaires : quels relais sur vos territoires ?",
        body="Partagez vos contacts et les actions menées cette année.",
    )
    member = make_member(
        space,
        email="camille.parcours@exemple.org",
        first_name="Camille",
        last_name="Parcours",
        password=PASSWORD,
    )
    elsewhere = SpaceFactory(name="Référent·e·s PRE", slug="pre-referents")
    outsider = make_member(
        elsewhere,
        email="alix.dehors@exemple.org",
        first_name="Alix",
        last_name="Dehors",
        password=PASSWORD,
    )
    return {"space": space, "topic": topic, "member": member, "outsider": outsider}


def log_in(page: Page, email: str) -> None:
    page.goto("/extranet/connexion/")
    expect_one_french_page(page)
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url("/extranet/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mes espaces")


def expect_one_french_page(page: Page) -> None:
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_count(1)


def test_member_replies_in_their_space_and_outsider_gets_404(new_page, live_server, journey):
    space, topic = journey["space"], journey["topic"]
    space_path = f"/extranet/{space.slug}/"
    topic_path = f"{space_path}sujets/{topic.pk}/"

    member_page = new_page()
    log_in(member_page, journey["member"].email)
    expect_one_french_page(member_page)

    member_page.get_by_role("link", name=space.name).click()
    expect(member_page).to_have_url(space_path)
    expect(member_page.get_by_role("heading", level=1)).to_have_text(space.name)
    expect_one_french_page(member_page)

    member_page.get_by_role("link", name=topic.title).click()
    expect(member_page).to_have_url(topic_path)
    expect(member_page.get_by_role("heading", level=1)).to_have_text(topic.title)
    expect_one_french_page(member_page)

    member_page.get_by_role("textbox", name="Message").fill(REPLY)
    member_page.get_by_role("button", name="Publier la réponse").click()
    # Redirected to the page of the new post (its anchor), with the confirmation.
    expect(member_page.get_by_text("Votre réponse a été publiée.")).to_be_visible()
    reply_post = member_page.locator("article.post", has_text=REPLY)
    expect(reply_post).to_have_count(1)
    expect(reply_post.locator(".post__author")).to_contain_text("Camille Parcours")
    expect_one_french_page(member_page)

    saved = Post.objects.get(topic=topic, author=journey["member"])
    assert REPLY in saved.body
    assert member_page.url.endswith(f"#message-{saved.pk}")

    outsider_page = new_page()
    log_in(outsider_page, journey["outsider"].email)
    expect(outsider_page.get_by_role("link", name=space.name)).to_have_count(0)

    for path in (space_path, topic_path):
        response = outsider_page.goto(path)
        assert response is not None and response.status == 404, path
        expect(outsider_page.get_by_role("heading", level=1)).to_have_text("Page introuvable")
        expect_one_french_page(outsider_page)
        # A 404 tells nothing of what is behind it.
        expect(outsider_page.locator("body")).not_to_contain_text(topic.title)
        expect(outsider_page.locator("body")).not_to_contain_text(REPLY)


def test_member_finds_the_conversation_once_and_opens_the_matching_reply(
    new_page, live_server, journey
):
    """Search shows a topic and its replies as one result (#10 §2): « 1 réponse
    correspond » links to the reply, on its page of the thread; 0 axe violations."""
    from search import sync
    from tests.browser import axe
    from tests.factories.extranet import make_reply

    reply = make_reply(journey["topic"], journey["member"], REPLY)
    sync.process_pending()  # whatever the task queue did already, the index is current
    page = new_page()
    log_in(page, journey["member"].email)
    page.goto("/recherche/?q=coordinatrice+CLSPD+jeudi")
    expect(page.locator(".search-result")).to_have_count(1)
    link = page.get_by_role("link", name="1 réponse correspond")
    expect(link).to_be_visible()
    assert axe.violations(page) == []
    link.click()
    expect(page).to_have_url(f"{journey['topic'].get_absolute_url()}?page=1#message-{reply.pk}")
    expect(page.locator(f"#message-{reply.pk}")).to_contain_text("compte rendu à suivre")
