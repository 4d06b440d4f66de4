"""The extranet's writing and reading pages in a real browser (Chromium through Playwright).

A member writes a reply with the composer's toolbar, sees the server's live preview, publishes
it and reads it formatted; the topic page, the notification list and the topic's
notification settings have 0 axe-core violations (the vendored copy, no CDN). What the Django
test client cannot show: the JavaScript of the composer actually running.
"""

import pytest
from playwright.sync_api import expect

from extranet.forum.models import Post
from extranet.spaces.roles import Role
from tests.browser import axe
from tests.browser.test_member_journey import PASSWORD, log_in
from tests.factories.extranet import SpaceFactory, make_member, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def forum():
    space = SpaceFactory(name="Réseau VRL Occitanie", slug="vrl")
    animator = make_member(space, Role.MODERATOR, email="animatrice.composer@exemple.org")
    topic = make_topic(space, animator, title="Formation VRL : retours", body="Vos retours ?")
    member = make_member(
        space,
        email="camille.composer@exemple.org",
        first_name="Camille",
        last_name="Composer",
        password=PASSWORD,
    )
    return {"space": space, "topic": topic, "member": member}


def test_a_member_formats_a_reply_with_the_toolbar_and_sees_the_live_preview(new_page, forum):
    space, topic = forum["space"], forum["topic"]
    page = new_page()
    log_in(page, forum["member"].email)
    page.goto(f"/extranet/{space.slug}/sujets/{topic.pk}/")

    message = page.get_by_role("textbox", name="Message")
    toolbar = page.get_by_role("toolbar", name="Mise en forme du message")
    expect(toolbar).to_be_visible()
    message.fill("Merci pour la session ")
    message.press("End")
    toolbar.get_by_role("button", name="Gras").click()
    expect(message).to_have_value("Merci pour la session **texte en gras**")
    message.fill("Merci pour la session **de Toulouse**")

    preview = page.locator("[data-composer-preview]")
    expect(preview.locator("strong")).to_have_text("de Toulouse")  # rendered by the server

    page.get_by_role("button", name="Publier la réponse").click()
    expect(page.get_by_text("Votre réponse a été publiée.")).to_be_visible()
    published = page.locator("article.post", has_text="Merci pour la session")
    expect(published.locator(".post__body strong")).to_have_text("de Toulouse")
    saved = Post.objects.get(topic=topic, author=forum["member"])
    assert saved.source == "Merci pour la session **de Toulouse**"


def test_the_topic_and_notification_pages_have_no_axe_violation(new_page, forum):
    space, topic = forum["space"], forum["topic"]
    page = new_page()
    log_in(page, forum["member"].email)
    for path in (
        f"/extranet/{space.slug}/sujets/{topic.pk}/",
        "/extranet/notifications/",
    ):
        page.goto(path)
        assert axe.violations(page) == [], path
    page.goto(f"/extranet/{space.slug}/sujets/{topic.pk}/")
    page.get_by_role("link", name="Notifications de ce sujet").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert axe.violations(page) == [], page.url


def test_a_moderator_records_who_came_and_the_page_has_no_axe_violation(new_page):
    from extranet.meetings.models import Meeting
    from tests.factories.extranet import MeetingFactory, RegistrationFactory, _in_days

    space = SpaceFactory(name="Réseau PRE – référent·e·s", slug="pre")
    moderator = make_member(
        space, Role.MODERATOR, email="animatrice.presences@exemple.org", password=PASSWORD
    )
    came, absent = make_member(space), make_member(space)
    meeting = MeetingFactory(space=space, starts_at=_in_days(-2), ends_at=_in_days(-2, 3))
    for person in (came, absent):
        RegistrationFactory(meeting=meeting, user=person)

    page = new_page()
    log_in(page, moderator.email)
    page.goto(f"/extranet/{space.slug}/rencontres/{meeting.pk}/presences/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Relever les présences")
    assert axe.violations(page) == []
    absent_box = page.get_by_role("checkbox", name=absent.get_full_name())
    expect(absent_box).to_be_checked()  # pre-filled from the sign-ups
    absent_box.uncheck()
    page.get_by_role("button", name="Enregistrer les présences").click()
    expect(page).to_have_url(f"/extranet/{space.slug}/rencontres/{meeting.pk}/")
    figure = Meeting.objects.with_participations().get(pk=meeting.pk).participations
    assert figure == 1
