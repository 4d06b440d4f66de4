"""The header menu and the footer of every page, rendered once per generation and host.

Every page of the site and of the extranet carries them (``base.html``). Their links are
cached already (``menus``), but each page still read the site, two generations in two
queries, reversed the fixed links and rendered two templates: measured, most of an extranet
page's layout once the site came from the cache (bench.extranet_pages, « floor: layout »).
Here the rendered HTML is kept under the generations the links depend on (``content`` and
``PAGES``, read together in one query, which the site's lookup then reuses, or by the page's
own first statement: ``SCOPES``, ``extranet.web.fragments``) and the host and port (which
pick the site), in one entry read once per request: the footer, and the menu for each set of
``aria-current`` values met (this request's, computed from the entries' URLs kept beside
them). What bumps those generations is declared in ``portal.fragments.registry``
(``LAYOUT``).

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


#: Where a request keeps the entry it read: (key, entry).
_ON_REQUEST = "_layout_entry"


def _entry(request):
    """``(key, entry)`` of this request's host and generations: the menu's URLs, the rendered
    footer and the rendered menus by ``aria-current`` values, in one cache entry read once per
    request (the menu and the footer of a page are one read, in production one Redis round
    trip rather than three). Computed on a miss; a menu for new ``aria-current`` values is
    added to it when first rendered (two requests adding one each may keep only one: the
    other is rendered again)."""
    content, pages = current_generations(*SCOPES)
    entry_key = key(LAYOUT.prefix, content, pages, request.get_host(), request.get_port())
    kept = getattr(request, _ON_REQUEST, None)
    if kept is not None and kept[0] == entry_key:
        return kept
    entry = cache.get(entry_key)
    if entry is None:
        entry = {
            "urls": tuple(link.url for link, _ in menus.main_menu(request)),
            "footer": render_to_string(FOOTER_TEMPLATE, {"links": menus.footer_links(request)}),
            "menus": {},
        }
        cache.set(entry_key, entry, CACHE_SECONDS)
    kept = (entry_key, entry)
    setattr(request, _ON_REQUEST, kept)
    return kept


def main_menu(request) -> str:
    """The header menu's entries (``<li>``), with this request's ``aria-current``."""
    if request is None:
        return render_to_string(MENU_TEMPLATE, {"entries": menus.main_menu(None)})
    entry_key, entry = _entry(request)
    current = tuple(menus.current(url, request.path) for url in entry["urls"])
    html = entry["menus"].get(current)
    if html is None:
        html = render_to_string(MENU_TEMPLATE, {"entries": menus.main_menu(request)})
        entry["menus"][current] = html
        cache.set(entry_key, entry, CACHE_SECONDS)
    return html


def footer(request) -> str:
    """The footer's links (``<ul>``)."""
    if request is None:
        return render_to_string(FOOTER_TEMPLATE, {"links": menus.footer_links(None)})
    return _entry(request)[1]["footer"]
