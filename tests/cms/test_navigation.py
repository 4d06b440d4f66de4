"""The public site's navigation: header menu, breadcrumbs, footer, site plan (cms.navigation)."""

import re

import pytest
from wagtail.models import PageViewRestriction, Site

from cms.navigation.settings import FooterSettings
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _menu(html):
    nav = re.search(r'<nav id="menu-principal".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"([^>]*)>([^<]+)</a>', nav)


def _in_menu(page):
    page.show_in_menus = True
    page.save_revision().publish()
    return page


def test_header_menu_lists_the_home_children_shown_in_menus_then_search_and_members(client, tree):
    _in_menu(tree.news_index)
    _in_menu(tree.newsletter_index)
    entries = _menu(client.get("/").content.decode())
    assert [(url, title) for url, _, title in entries] == [
        ("/actualites/", "Actualités"),
        ("/flash-info/", "Flash Info"),
        ("/recherche/", "Rechercher"),
        ("/extranet/", "Espace membres"),
    ]


def test_header_menu_leaves_out_private_and_draft_pages(client, tree):
    _in_menu(tree.news_index)
    _in_menu(tree.dossier_index)
    PageViewRestriction.objects.create(page=tree.dossier_index, restriction_type="login")
    draft = factories.make_standard(tree.home, title="Brouillon", publish=False)
    draft.show_in_menus = True
    draft.save()
    titles = [title for _, _, title in _menu(client.get("/").content.decode())]
    assert "Dossiers" not in titles and "Brouillon" not in titles
    assert "Actualités" in titles


def test_header_menu_marks_the_current_section(client, tree):
    _in_menu(tree.news_index)
    news = factories.make_news(tree.news_index, title="Une actualité")
    on_index = dict(
        (url, attrs) for url, attrs, _ in _menu(client.get("/actualites/").content.decode())
    )
    assert 'aria-current="page"' in on_index["/actualites/"]
    on_item = dict((url, attrs) for url, attrs, _ in _menu(client.get(news.url).content.decode()))
    assert 'aria-current="true"' in on_item["/actualites/"]


def test_a_newly_published_menu_page_shows_at_once_despite_the_menu_cache(client, tree):
    client.get("/")
    _in_menu(tree.event_index)
    assert "Agenda" in [title for _, _, title in _menu(client.get("/").content.decode())]


def test_menu_button_is_hidden_without_javascript_and_controls_the_menu(client, tree):
    html = client.get("/").content.decode()
    button = re.search(r"<button[^>]*menu-button[^>]*>", html).group(0)
    assert "hidden" in button  # portal.js shows it; without it the menu is simply shown
    assert 'aria-expanded="false"' in button and 'aria-controls="menu-principal"' in button


def test_breadcrumbs_go_from_home_to_the_current_page_unlinked(client, tree):
    news = factories.make_news(tree.news_index, title="Une actualité")
    html = client.get(news.url).content.decode()
    trail = re.search(r'<nav class="breadcrumb" aria-label="Fil d\'Ariane">.*?</nav>', html, re.S)
    assert trail, "no breadcrumbs"
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', trail.group(0))
    assert links == [("/", "Accueil"), ("/actualites/", "Actualités")]
    assert '<span aria-current="page">Une actualité</span>' in trail.group(0)


def test_home_page_has_no_breadcrumbs(client, tree):
    assert "Fil d&#x27;Ariane" not in client.get("/").content.decode()
    assert "Fil d'Ariane" not in client.get("/").content.decode()


def _footer_settings(tree, **pages):
    site = Site.objects.get(is_default_site=True)
    footer = FooterSettings.for_site(site)
    for name, page in pages.items():
        setattr(footer, f"{name}_page", page)
    footer.save()
    return footer


def _footer(html):
    footer = re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)
    return footer


def test_footer_links_to_the_legal_pages_chosen_in_the_settings_and_the_site_plan(client, tree):
    legal = factories.make_standard(tree.home, title="Mentions légales", slug="mentions-legales")
    a11y = factories.make_standard(tree.home, title="Accessibilité", slug="accessibilite")
    privacy = factories.make_standard(tree.home, title="Données", slug="donnees-personnelles")
    contact = factories.make_standard(tree.home, title="Contact", slug="contact")
    _footer_settings(tree, legal_notice=legal, accessibility=a11y, privacy=privacy, contact=contact)
    footer = _footer(client.get("/actualites/").content.decode())
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer) == [
        ("/mentions-legales/", "Mentions légales"),
        ("/accessibilite/", "Accessibilité : partiellement conforme"),
        ("/donnees-personnelles/", "Données personnelles"),
        ("/contact/", "Contact"),
        ("/lettre-d-information/", "Recevoir le Flash Info"),
        ("/plan-du-site/", "Plan du site"),
    ]


def test_footer_states_the_accessibility_status_even_without_its_page(client, tree):
    footer = _footer(client.get("/").content.decode())
    assert "Accessibilité : partiellement conforme" in footer
    assert '<a href="/plan-du-site/">Plan du site</a>' in footer


def test_footer_drops_a_legal_page_that_is_unpublished(client, tree):
    legal = factories.make_standard(tree.home, title="Mentions légales", slug="mentions-legales")
    _footer_settings(tree, legal_notice=legal)
    assert "/mentions-legales/" in _footer(client.get("/").content.decode())
    legal.unpublish()
    assert "/mentions-legales/" not in _footer(client.get("/").content.decode())


def test_footer_settings_change_shows_at_once_despite_the_footer_cache(client, tree):
    contact = factories.make_standard(tree.home, title="Contact", slug="contact")
    client.get("/")
    _footer_settings(tree, contact=contact)
    assert '<a href="/contact/">Contact</a>' in _footer(client.get("/").content.decode())


def test_site_plan_lists_sections_and_pages_but_not_listing_items(client, tree):
    about = factories.make_standard(tree.home, title="Qui sommes-nous ?", slug="qui-sommes-nous")
    factories.make_standard(about, title="L'équipe", slug="equipe")
    factories.make_news(tree.news_index, title="Une actualité du jour")
    factories.make_standard(tree.home, title="Brouillon", publish=False)
    response = client.get("/plan-du-site/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="/actualites/">Actualités</a>' in html
    assert '<a href="/qui-sommes-nous/equipe/">L&#x27;équipe</a>' in html
    assert "Une actualité du jour" not in html
    assert "Brouillon" not in html
    assert html.count("<h1") == 1


def test_site_plan_leaves_out_private_sections_and_what_is_below_them(client, tree):
    private = factories.make_standard(tree.home, title="Réservé", slug="reserve")
    factories.make_standard(private, title="Sous-page réservée", slug="sous-page")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/plan-du-site/").content.decode()
    assert "Réservé" not in html and "Sous-page réservée" not in html
