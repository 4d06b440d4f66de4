"""Moderation in a real browser: a member flags a post with « Signaler », a moderator sees the
count in the space's navigation, opens the queue and hides the post from it. The flag form,
the queue and the topic page after hiding have 0 axe-core violations."""

import pytest
from playwright.sync_api import expect

from extranet.forum.models import FlagStatus, ModerationKind
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
        email="animatrice.moderation@exemple.org",
        first_name="Sacha",
        last_name="Anime",
        password=PASSWORD,
    )
    author = make_member(space, email="auteur.moderation@exemple.org", first_name="Noor")
    topic = make_topic(space, author, title="Formation VRL : retours", body="Achetez ici !")
    member = make_member(
        space,
        email="camille.moderation@exemple.org",
        first_name="Camille",
        last_name="Signale",
        password=PASSWORD,
    )
    return {"space": space, "topic": topic, "member": member, "animator": animator}


def test_a_member_flags_a_post_and_a_moderator_hides_it_from_the_queue(new_page, forum):
    space, topic = forum["space"], forum["topic"]
    post = topic.posts.get()

    page = new_page()
    log_in(page, forum["member"].email)
    page.goto(f"/extranet/{space.slug}/sujets/{topic.pk}/")
    page.get_by_role("link", name="Signaler le message de Noor").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Signaler un message")
    assert axe.violations(page) == [], page.url
    page.get_by_label("Spam").check()
    page.get_by_role("button", name="Signaler le message").click()
    expect(page.get_by_text("Merci, le message est signalé")).to_be_visible()
    assert post.flags.get().status == FlagStatus.OPEN

    page = new_page()
    log_in(page, forum["animator"].email)
    page.goto(f"/extranet/{space.slug}/")
    nav = page.get_by_role("navigation", name=f"Rubriques de l'espace {space.name}")
    nav.get_by_role("link", name="Modération 1 signalement à traiter").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Modération")
    expect(page.get_by_text("Spam : 1")).to_be_visible()
    assert axe.violations(page) == [], page.url
    page.get_by_label("Motif du masquage").fill("Publicité")
    page.get_by_role("button", name="Masquer le message de Noor").click()
    expect(page.get_by_text("Le message est masqué pour les membres")).to_be_visible()
    expect(page.get_by_text("Aucun signalement à traiter.")).to_be_visible()
    assert axe.violations(page) == [], page.url

    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Publicité"
    assert post.flags.get().status == FlagStatus.HANDLED
    assert post.moderation_actions.get().kind == ModerationKind.HIDE
