"""The header menu and the footer of every page, rendered once per generation and host.

Every page of the site and of the extranet carries them (``base.html``). Their links are
cached already (``menus``), but each page still read the site, two generations in two
queries, reversed the fixed links and rendered two templates: measured, most of an extranet
page's layout once the site came from the cache (bench.extranet_pages, « floor: layout »).
Here the rendered HTML is kept under the generations the links depend on (``content`` and
``PAGES``, read together in one query, which the site's lookup then reuses, or by the page's
own first statement: ``SCOPES``, ``extranet.web.fragments``), the host and
port (which pick the site), and for the menu the ``aria-current`` value of each entry for
this request's path, computed from the entries' URLs kept beside it. What bumps those
generations is declared in ``portal.fragments.registry`` (``LAYOUT``).

Without a request (an error page rendered outside one) nothing is cached.
"""

from django.core.cache import cache
from django.template.loader import render_to_string

from cms.generation import CONTENT, PAGES, current_generations
from portal.fragments.registry import LAYOUT, key

from . import menus

#: Like the links they render (``menus.CACHE_SECONDS``): a new generation replaces them first.
CACHE_SECONDS = menus.CACHE_SECONDS
MENU_TEMPLATE = "cms/navigation/main_menu.html"
FOOTER_TEMPLATE = "cms/navigation/footer_links.html"


#: The generations the layout is keyed by. A page that runs a statement of its own first may
#: read them in it (``cms.generation.latest_token_sql``, then ``remember``): one query fewer.
SCOPES = (CONTENT, PAGES)


def _key(request, *parts):
    content, pages = current_generations(*SCOPES)
    return key(LAYOUT.prefix, content, pages, request.get_host(), request.get_port(), *parts)


def main_menu(request) -> str:
    """The header menu's entries (``<li>``), with this request's ``aria-current``."""
    if request is None:
        return render_to_string(MENU_TEMPLATE, {"entries": menus.main_menu(None)})
    urls_key = _key(request, "menu-urls")
    urls = cache.get(urls_key)
    if urls is None:
        entries = menus.main_menu(request)
        urls = tuple(link.url for link, _ in entries)
        cache.set(urls_key, urls, CACHE_SECONDS)
    current = tuple(menus.current(url, request.path) for url in urls)
    html_key = _key(request, "menu", *current)
    html = cache.get(html_key)
    if html is None:
        html = render_to_string(MENU_TEMPLATE, {"entries": menus.main_menu(request)})
        cache.set(html_key, html, CACHE_SECONDS)
    return html


def footer(request) -> str:
    """The footer's links (``<ul>``)."""
    if request is None:
        return render_to_string(FOOTER_TEMPLATE, {"links": menus.footer_links(None)})
    footer_key = _key(request, "footer")
    html = cache.get(footer_key)
    if html is None:
        html = render_to_string(FOOTER_TEMPLATE, {"links": menus.footer_links(request)})
        cache.set(footer_key, html, CACHE_SECONDS)
    return html
