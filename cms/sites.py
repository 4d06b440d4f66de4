"""Which Wagtail site a request is for, read from the cache rather than the database.

``Site.find_for_request`` runs a query per request (the sites of the host, with annotations
to rank them) and memoises it on the request only. Every page of the site and of the extranet
asks it (the header menu, the footer), and so does every computed API answer: measured, it
was most of an extranet page's layout (bench.extranet_pages, « floor: layout »). Here the
answer is kept per host and port under the content generation, so it is read once per host
and generation. Safe: a saved or deleted site, and a moved root page, start a new content
generation (``cms.generation``, ``cms.invalidation``).
"""

from django.core.cache import cache
from wagtail.models import Site

from cms.generation import current_generation
from portal.fragments.registry import SITE
from portal.fragments.registry import key as fragment_key

#: At most this long in the cache, like any cached answer (a new generation replaces it first).
CACHE_SECONDS = 600


def site_for_request(request):
    """``Site.find_for_request(request)``, from the cache; also left on the request where
    Wagtail looks for it (``_wagtail_site``), so Wagtail's own calls need no query either."""
    if request is None:
        return None
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = fragment_key(SITE.prefix, current_generation(), request.get_host(), request.get_port())
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, site, timeout=CACHE_SECONDS)
    request._wagtail_site = site
    return site
