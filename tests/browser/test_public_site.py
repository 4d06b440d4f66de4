"""The public site in a real browser: every template has 0 axe-core violations, the header
menu folds behind its button on phones (and works without JavaScript), and the search
filters fold on phones so that results come first.

axe-core is the vendored copy in tests/browser/vendor/ (no CDN), injected into each page; the
rules are WCAG 2.1 A and AA plus axe's best practices.
"""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Site

from cms.navigation.settings import FooterSettings
from tests.browser import axe
from tests.factories import cms as factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def site():
    """One page of every type, with themes, territories and an image, and the legal pages."""
    factories.restore_migration_data()
    tree = factories.make_site_tree()
    education = factories.make_theme("Éducation", slug="education")
    occitanie = factories.make_territory("Occitanie", slug="occitanie", level="region")
    image = factories.make_image("Illustration")
    taxonomy = {"themes": [education], "territories": [occitanie]}
    for index in (tree.news_index, tree.dossier_index, tree.newsletter_index, tree.event_index):
        index.show_in_menus = True
        index.save_revision().publish()
    news = factories.make_news(tree.news_index, image=image, **taxonomy)
    dossier = factories.make_dossier(tree.dossier_index, image=image, **taxonomy)
    pages = {
        "news": news,
        "brief": factories.make_brief(tree.blog_index, **taxonomy),
        "dossier": dossier,
        "panorama": factories.make_panorama(
            dossier, items=[{"title": "Un article", "excerpt": "Extrait."}], **taxonomy
        ),
        "publication": factories.make_publication(tree.publication_index, **taxonomy),
        "event": factories.make_event(
            tree.event_index,
            start=timezone.now() + datetime.timedelta(days=3),
            end=timezone.now() + datetime.timedelta(days=3, hours=2),
            **taxonomy,
        ),
        "newsletter": factories.make_newsletter_issue(tree.newsletter_index),
        "legal": factories.make_standard(tree.home, title="Mentions légales", slug="mentions"),
    }
    footer = FooterSettings.objects.create(site=Site.objects.get(is_default_site=True))
    footer.legal_notice_page = pages["legal"]
    footer.save()
    return tree, pages


def _urls(tree, pages):
    indexes = [
        tree.home,
        tree.news_index,
        tree.blog_index,
        tree.dossier_index,
        tree.panorama_index,
        tree.publication_index,
        tree.event_index,
        tree.newsletter_index,
    ]
    fixed = [
        "/plan-du-site/",
        "/lettre-d-information/",
        "/lettre-d-information/demande-enregistree/",
        "/lettre-d-information/confirmer/inconnu/",
        "/recherche/?q=actualite",
    ]
    return [page.url for page in indexes] + [page.url for page in pages.values()] + fixed


def test_every_public_template_has_no_axe_violation(site, new_page):
    tree, pages = site
    page = new_page()
    found = {}
    for url in _urls(tree, pages):
        page.goto(url)
        violations = axe.violations(page)
        if violations:
            found[url] = violations
    assert found == {}


def test_on_a_phone_the_menu_folds_behind_its_button(site, new_page):
    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto("/")
    button = page.get_by_role("button", name="Menu")
    menu_link = page.locator("#menu-principal").get_by_role("link", name="Actualités")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu_link).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu_link).to_be_hidden()


def test_without_javascript_the_menu_is_shown_and_the_button_hidden(site, browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, viewport=PHONE
    )
    page = context.new_page()
    page.goto("/")
    expect(page.locator(".menu-button")).to_be_hidden()
    expect(page.locator("#menu-principal").get_by_role("link", name="Actualités")).to_be_visible()
    context.close()


def test_on_a_phone_the_search_filters_are_folded_behind_filtrer(site, new_page):
    page = new_page()
    page.set_viewport_size(PHONE)
    page.goto("/recherche/?q=actualite")
    expect(page.locator(".search-filters__fold")).not_to_have_attribute("open", "")
    page.get_by_text("Filtrer", exact=True).click()
    expect(page.locator(".search-filters__fold")).to_have_attribute("open", "")
