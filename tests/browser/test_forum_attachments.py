"""Writing a reply with everything the composer offers, in a real browser (Chromium through
Playwright): the toolbar, the live preview, a mention picked from the autocomplete and a file
attached with « Joindre un fichier » (uploaded at once, a document of the space, its link
inserted in the text). The page has 0 axe-core violations while writing, and the published
reply links the member and the document.
"""

import re

import pytest
from playwright.sync_api import expect

from extranet.documents.models import Document
from extranet.forum.models import Mention, Post
from extranet.spaces.roles import Role
from tests.browser import axe
from tests.browser.test_member_journey import PASSWORD, log_in
from tests.extranet.documents.samples import pdf_bytes
from tests.factories.extranet import SpaceFactory, make_member, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def forum():
    space = SpaceFactory(name="Réseau VRL Occitanie", slug="vrl")
    animator = make_member(space, Role.MODERATOR, email="animatrice.pj@exemple.org")
    topic = make_topic(space, animator, title="Formation VRL : retours", body="Vos retours ?")
    helene = make_member(
        space, first_name="Hélène", last_name="Dupré", email="h.dupre.pj@exemple.org"
    )
    member = make_member(
        space,
        email="camille.pj@exemple.org",
        first_name="Camille",
        last_name="Joint",
        password=PASSWORD,
    )
    return {"space": space, "topic": topic, "member": member, "helene": helene}


def test_a_member_writes_with_toolbar_preview_mention_and_attachment(new_page, forum):
    space, topic = forum["space"], forum["topic"]
    page = new_page()
    log_in(page, forum["member"].email)
    page.goto(f"/extranet/{space.slug}/sujets/{topic.pk}/")

    message = page.get_by_role("textbox", name="Message")
    # Without JavaScript the form has a file input; the script puts a button in its place.
    expect(page.get_by_label("Pièces jointes")).to_be_hidden()
    message.fill("Le bilan ")
    message.press("End")
    page.get_by_role("toolbar", name="Mise en forme du message").get_by_role(
        "button", name="Gras"
    ).click()
    expect(message).to_have_value("Le bilan **texte en gras**")
    message.fill("Le bilan **de Toulouse**, merci @hél")
    suggestions = page.get_by_role("listbox", name="Membres à mentionner")
    expect(suggestions.get_by_role("option")).to_have_text(["Hélène Dupré"])
    message.press("Enter")
    expect(message).to_have_value("Le bilan **de Toulouse**, merci @Hélène.Dupré ")

    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Joindre un fichier").click()
    chooser.value.set_files(
        {"name": "Bilan VRL.pdf", "mimeType": "application/pdf", "buffer": pdf_bytes()}
    )
    expect(page.get_by_text("« Bilan VRL.pdf » est joint")).to_be_visible()
    document = Document.objects.get(space=space, folder__name="Pièces jointes")
    url = document.get_absolute_url()
    expect(message).to_have_value(re.compile(rf"\[📎 Bilan VRL\.pdf \(.+\)\]\({re.escape(url)}\)"))

    preview = page.locator("[data-composer-preview]")
    expect(preview.locator("strong")).to_have_text("de Toulouse")
    expect(preview.locator(f'a[href="{url}"]')).to_contain_text("Bilan VRL.pdf")
    assert axe.violations(page) == []

    page.get_by_role("button", name="Publier la réponse").click()
    expect(page.get_by_text("Votre réponse a été publiée.")).to_be_visible()
    published = page.locator("article.post", has_text="de Toulouse")
    expect(published.get_by_role("link", name="@Hélène.Dupré")).to_be_visible()
    expect(published.locator(f'a[href="{url}"]')).to_contain_text("📎 Bilan VRL.pdf")
    post = Post.objects.get(topic=topic, author=forum["member"])
    assert list(Mention.objects.filter(post=post).values_list("user", flat=True)) == [
        forum["helene"].pk
    ]
    # The file went up once, with the button: the emptied input sent nothing with the form.
    assert Document.objects.filter(space=space).count() == 1
    assert axe.violations(page) == []
