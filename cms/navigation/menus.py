"""What the header menu, the breadcrumbs and the footer show, for one request.

Rules:
- the header menu lists the live, public children of the site's root page marked « Afficher
  dans les menus » (Promotion tab), in the page tree's order, then two fixed entries: the
  search and the members' area; the entry of the current section carries
  ``aria-current`` (``page`` on the page itself, ``true`` below it);
- the breadcrumbs go from the site's home to the current page, only through live, public
  pages (a private or draft ancestor is skipped, never linked);
- the footer links to the pages chosen in ``FooterSettings``, only while they are live and
  public, and always to the Flash Info subscription and the site plan.

The menu and the footer are read on every page, so they are kept in the cache under two named
generations (``cms.generation``): ``content`` (a move, a deletion, a restriction, a change of
the footer settings) and ``PAGES``, which every publication and unpublication bumps (any page
may enter the menu or be a footer's page); the next request reads the database again. Their
rendered HTML is cached too, by ``cms.navigation.layout``; both are declared in
``portal.fragments.registry``.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.urls import reverse
from wagtail.models import Page

from cms.generation import CONTENT, PAGES, current_generations
from cms.sites import site_for_request
from portal.fragments.registry import NAVIGATION
from portal.fragments.registry import key as fragment_key

from .settings import FooterSettings

CACHE_SECONDS = 600


@dataclass(frozen=True)
class Link:
    title: str
    url: str


def _site(request):
    return site_for_request(request)  # from the cache: every page of the site asks


def cached_for_site(request, name, compute):
    """``compute(site)``, kept in the cache under the generations of every page and the site."""
    site = _site(request)
    if site is None:
        return compute(None)
    key = fragment_key(NAVIGATION.prefix, *current_generations(CONTENT, PAGES), site.pk, name)
    value = cache.get(key)
    if value is None:
        value = compute(site)
        cache.set(key, value, CACHE_SECONDS)
    return value


def fixed_links():
    return [
        Link("Rechercher", reverse("search:page")),
        Link("Espace membres", reverse("extranet:my_spaces")),
    ]


def main_menu(request):
    """The header menu's links, each with its ``aria-current`` value for this request."""
    links = cached_for_site(request, "menu", _menu_links) + fixed_links()
    path = request.path if request is not None else ""
    return [(link, current(link.url, path)) for link in links]


def _menu_links(site):
    if site is None:
        return []
    pages = site.root_page.get_children().live().public().in_menu().order_by("path")
    return [Link(page.title, page.get_url(current_site=site)) for page in pages]


def current(url, path):
    """The ``aria-current`` value of a menu entry to ``url`` on the page at ``path``."""
    if not url or url == "/" or not path.startswith(url):
        return ""
    return "page" if path == url else "true"


def breadcrumbs(page, request):
    """(title, url) from the site's home to ``page``'s parent; the page itself comes last,
    without a link. Empty on the home page."""
    site = _site(request)
    if site is None or not isinstance(page, Page) or page.pk == site.root_page_id:
        return []
    ancestors = (
        page.get_ancestors()
        .filter(depth__gte=site.root_page.depth)
        .live()
        .public()
        .order_by("depth")
    )
    return [
        Link(
            "Accueil" if ancestor.pk == site.root_page_id else ancestor.title,
            ancestor.get_url(request),
        )
        for ancestor in ancestors
    ]


def footer_links(request):
    return cached_for_site(request, "footer", _footer_links)


def _footer_links(site):
    """The accessibility status is always shown (the RGAA asks for it on every page), as a
    link when the statement page is live; the other entries only when their page is."""
    # Not ``for_site``: it creates the row, and a write while rendering a page would start a
    # new content generation (every cached page thrown away by a mere visit).
    footer = (site and FooterSettings.objects.filter(site=site).first()) or FooterSettings()
    chosen = [
        ("Mentions légales", footer.legal_notice_page_id),
        (
            f"Accessibilité : {footer.get_accessibility_status_display()}",
            footer.accessibility_page_id,
        ),
        ("Données personnelles", footer.privacy_page_id),
        ("Contact", footer.contact_page_id),
    ]
    pages = Page.objects.live().public().in_bulk([pk for _, pk in chosen if pk])
    links = []
    for title, pk in chosen:
        if pk in pages:
            links.append(Link(title, pages[pk].get_url(current_site=site)))
        elif title.startswith("Accessibilité"):
            links.append(Link(title, ""))
    links.append(Link("Recevoir le Flash Info", reverse("newsletter:subscribe")))
    links.append(Link("Plan du site", reverse("navigation:site_plan")))
    return links
