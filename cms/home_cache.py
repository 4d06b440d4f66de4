"""Response cache of the home page, the heaviest page of the site (latest news, briefs,
events, featured dossiers, themes: ≈ 0.2 s of CPU to render, docs/benchmarks.md).

The home page shows the same to everyone, so its rendered HTML is kept in the cache under two
named generations (``cms.generation``): ``content`` (the wide changes: a move, a deletion, a
restriction, an image, a taxonomy, the footer) and ``PAGES``, which every publication and
unpublication bumps (the page lists the latest pages of several types, the menu and the
footer's pages): the next request renders again.
Two things change the page without any write, and bound how long an entry lives:
- the upcoming events: one leaves the list when it ends, so an entry expires when the first
  event it shows ends;
- a page reaching its ``expire_at``: entries expire at the nearest one (the API's horizon).
``MAX_ENTRY_SECONDS`` bounds the rest (changes made behind the signals' back).

Not cached: previews, other methods than GET/HEAD, errors, and a request that carries a
message to show (« Vous êtes déconnecté·e »): the message belongs to that person's page.
"""

import math
import time

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.http import urlencode

from cms.api.cache import MAX_ENTRY_SECONDS, publication_horizon
from cms.generation import CONTENT, PAGES, current_generations

# What the page shows, by generation (module docstring).
SCOPES = (CONTENT, PAGES)


def _key(request, tokens):
    query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    return f"cms-home:{':'.join(tokens)}:{request.get_host()}:{request.path}?{query}"


def _cacheable(request):
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and len(get_messages(request)) == 0  # len() reads, without marking them shown
    )


def _events_horizon(context):
    ends = [(event.end or event.start).timestamp() for event in context.get("upcoming_events", [])]
    return min(ends, default=math.inf)


def serve_cached(request, render):
    """The cached page for ``request``, or ``render()`` (a TemplateResponse) stored."""
    if not _cacheable(request):
        return render()
    tokens = current_generations(*SCOPES)  # before any database read (see cms.api.cache)
    key = _key(request, tokens)
    entry = cache.get(key)
    if entry is not None:
        content, content_type = entry
        return HttpResponse(content, content_type=content_type)
    response = render()
    if response.status_code != 200 or not hasattr(response, "render"):
        return response
    response.render()
    now = time.time()
    expires = min(
        now + MAX_ENTRY_SECONDS,
        publication_horizon(),
        _events_horizon(response.context_data or {}),
    )
    timeout = math.floor(expires - now)
    if timeout > 0:
        cache.set(key, (response.content, response["Content-Type"]), timeout)
    return response
