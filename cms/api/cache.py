"""Response cache of the public API (``/api/v2/`` pages, images, documents; never
``page_preview``).

Why a cache: the API answers the same to everyone (anonymous, ``AllowAny``, no
authentication class: private content never appears), and computing an answer costs 10 to
30 ms of CPU in Wagtail + DRF even for one item (docs/benchmarks.md). A cached answer costs
one cache read.

What is cached: 200 JSON answers of ``GET``/``HEAD``, keyed by the full URL — scheme, host
(the site of the request picks the pages), path and the query string normalised (parameters
sorted, so ``?a=1&b=2`` and ``?b=2&a=1`` share an entry). Errors (400, 404…) are never
cached. The browsable HTML API (``Accept: text/html`` without ``?format=json``) bypasses the
cache. Requests carrying an ``Authorization`` header or a session cookie get the same cached
answer: the endpoints have no authentication class, so credentials change nothing.

Invalidation: every key contains the tokens of the named generations (``cms.generation``) the
answer depends on, kept in the database so that every process reads the same ones (a token in
a process-local cache left the other processes serving unpublished pages for 10 minutes), all
read in one query, once per request, *before* reading the content (so an answer computed from
old data is always stored under an old token):

- a page's detail, ``/api/v2/pages/<id>/``: ``content`` and ``page:<id>``;
- a listing (and ``find``): ``content`` and the scope of each type asked for
  (``type:cms.newspage``), or ``PAGES`` (every type) without ``type``;
- the image and document endpoints: ``media`` only (their answers show no page).

A change bumps the scopes of what it can affect, and a new token orphans the entries keyed by
the old one (they age out of the cache); there is no per-URL bookkeeping to get wrong. A
publication or unpublication of a page without children bumps its detail, its types' listings,
its parent and ancestors and the pages linking to it (``cms.invalidation`` decides, and says
why): an unrelated dossier's detail stays cached. Every other trigger is *wide* and bumps
``content``, which every page answer is keyed by. The new tokens are written in the writer's
transaction and again on commit (why both: ``cms.generation``). Only the tokens are shared:
the entries stay in Django's cache, local to a process without Redis, and that is safe since
a process never reads an entry stored under an old token.

Triggers (``connect_signals``, called from ``CmsConfig.ready`` so that management commands
such as ``publish_scheduled`` invalidate too). *(media)* marks those that also bump the
``media`` generation:

- ``page_published``, ``page_unpublished`` (Wagtail): a page appears, changes or disappears
  (``publish_scheduled`` publishes and unpublishes through these too, so ``go_live_at`` needs
  nothing more: an unpublished page is not in the API until it is published). Targeted
  (``cms.invalidation``), wide for a page with children;
- ``post_page_move``: paths, URLs, parents and restricted sections change (wide);
- ``post_delete`` of ``Page``: deleted pages and their descendants (Wagtail deletes the whole
  subtree, one signal per page) (wide);
- ``post_save``/``post_delete`` of ``PageViewRestriction``: a section becomes private or public
  (wide);
- *(media)* ``post_save``/``post_delete`` of ``CollectionViewRestriction`` and
  ``Collection``: documents enter or leave a private collection (or a collection moves under
  a restricted one);
- *(media)* ``post_save``/``post_delete`` of images and documents, and of tag links: the image
  and document endpoints and every image or document shown in a page;
- *(media)* ``post_delete`` of renditions: cached answers link to the rendition's file. Not their
  creation: computing an answer creates the renditions it shows (``image.get_renditions``), so
  no answer, cached or not, lacks one, and a new rendition (the admin's thumbnails, a page
  rendered) changes no answer. As a trigger, it made every cached URL cold, and threw away
  the very answer whose computation created it.
- ``post_save``/``post_delete`` of ``Theme``, ``Territory``, ``Network``: their names and slugs
  are embedded in page answers and used by the filters (wide);
- *(media)* ``post_save``/``post_delete`` of ``Site``: which pages a host sees, and their
  URLs (media answers do not depend on it; bumped anyway, sites change rarely);
- the footer settings (``cms.navigation.settings``): wide.

A draft (``save_revision`` without publishing) changes none of these and keeps the cache.

Expiry: the API hides pages before their ``go_live_at`` and past their ``expire_at``
(``cms.visibility``), before ``publish_scheduled`` changes anything, with no signal. So the
nearest future ``go_live_at`` or ``expire_at`` of a live page is read once per generation of
``content`` and ``PAGES`` (which every publication bumps; cached with them) and no entry
outlives it: entries are written with a timeout that ends at that instant (and when it
passes, the next request reads the next one). ``MAX_ENTRY_SECONDS`` is a safety net for
changes made behind the signals' back (``QuerySet.update``, raw SQL, a bulk load): they show
within 10 minutes at worst.

HTTP: ``Cache-Control: public, max-age=60`` (or less, before an expiry), an ``ETag`` (hash of
the body) and ``Last-Modified`` (when the generation started), so a front or a CDN can
revalidate; ``If-None-Match`` / ``If-Modified-Since`` get a 304. Browsers and CDNs cannot see
the generation, hence the short ``max-age``: downstream copies are at most a minute behind.
"""

import hashlib
import math
import time
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page

from cms.generation import (
    CONTENT,
    PAGES,
    current_generations,
    generation_started,
    invalidate,
    invalidate_media,
    page_scope,
    type_scope,
)
from cms.invalidation import on_page_published, on_page_unpublished
from cms.visibility import next_publication_change

MAX_ENTRY_SECONDS = 600
HTTP_MAX_AGE = 60
CACHED_METHODS = ("GET", "HEAD")


# --- expiry ----------------------------------------------------------------------------------


def publication_horizon():
    """Timestamp of the nearest future ``go_live_at`` or ``expire_at`` of a live page
    (``math.inf`` if none), read once per generation of ``content`` and ``PAGES`` (every
    publication bumps the latter) and again once it has passed."""
    content, pages = current_generations(CONTENT, PAGES)
    key = f"cms-api:{content}:{pages}:horizon"
    now = time.time()
    horizon = cache.get(key)
    if horizon is None or horizon <= now:
        nearest = next_publication_change()
        horizon = nearest.timestamp() if nearest else math.inf
        cache.set(key, horizon, timeout=MAX_ENTRY_SECONDS)
    return horizon


# --- keys and entries ------------------------------------------------------------------------


def wants_html(request):
    """The browsable API (a person in a browser): not cached."""
    if "format" in request.GET:
        return request.GET["format"] != "json"
    return "text/html" in request.headers.get("Accept", "")


def page_answer_scopes(request, kwargs):
    """The scopes a pages endpoint's answer is keyed by (module docstring), known from the URL
    alone: they are read before the content."""
    if "pk" in kwargs:
        return [CONTENT, page_scope(kwargs["pk"])]
    try:  # as Wagtail reads ``type`` (``page_models_from_string``)
        names = (request.GET.get("type") or "wagtailcore.Page").split(",")
        models = [resolve_model_string(name) for name in names]
    except (LookupError, ValueError):
        models = []
    if not models or not all(issubclass(model, Page) for model in models):
        return [CONTENT, PAGES]  # a 400, never cached
    return [CONTENT, *(type_scope(model) for model in models)]


def cache_key(request, scopes, tokens):
    query = urlencode(sorted((k, v) for k, values in request.GET.lists() for v in values))
    url = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    generations = ",".join(f"{scope}={token}" for scope, token in zip(scopes, tokens, strict=True))
    return "cms-api:" + hashlib.sha256(f"{generations} {url}".encode()).hexdigest()


def _finish(request, response, etag, last_modified, max_age):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ["Accept"])
    return get_conditional_response(
        request, etag=etag, last_modified=int(last_modified), response=response
    )


class CachedResponseMixin:
    """Mixed into the public endpoints (``cms.api.endpoints``): answers from the cache, stores
    what it computes. See the module docstring for what is cached and how it is invalidated.
    ``generation_scope``: ``CONTENT`` for the pages endpoint (keyed by the scopes of
    ``page_answer_scopes``), or the one scope an endpoint's answers follow (``MEDIA``)."""

    generation_scope = CONTENT

    def cache_scopes(self, request, kwargs):
        if self.generation_scope == CONTENT:
            return page_answer_scopes(request, kwargs)
        return [self.generation_scope]

    def dispatch(self, request, *args, **kwargs):
        if request.method not in CACHED_METHODS or wants_html(request):
            return super().dispatch(request, *args, **kwargs)
        scopes = self.cache_scopes(request, kwargs)
        # Before any database read (module docstring), with the horizon's in the same query.
        tokens = current_generations(*scopes, CONTENT, PAGES)[: len(scopes)]
        key = cache_key(request, scopes, tokens)
        started = max(generation_started(token) for token in tokens)
        entry = cache.get(key)
        if entry is not None:
            content, content_type, etag, expires = entry
            max_age = min(HTTP_MAX_AGE, max(0, math.floor(expires - time.time())))
            response = HttpResponse(content, content_type=content_type)
            return _finish(request, response, etag, started, max_age)

        response = super().dispatch(request, *args, **kwargs)
        if response.status_code != 200 or getattr(response, "accepted_renderer", None) is None:
            return response
        if response.accepted_renderer.format != "json":
            return response
        response.render()
        now = time.time()
        expires = min(now + MAX_ENTRY_SECONDS, publication_horizon())
        timeout = math.floor(expires - now)
        etag = '"' + hashlib.md5(response.content, usedforsecurity=False).hexdigest() + '"'
        if timeout > 0:
            cache.set(key, (response.content, response["Content-Type"], etag, expires), timeout)
        max_age = min(HTTP_MAX_AGE, max(0, timeout))
        return _finish(request, response, etag, started, max_age)


# --- triggers --------------------------------------------------------------------------------


def connect_signals():
    """Connect the receivers of ``cms.invalidation`` (publications), ``invalidate`` (wide) or
    ``invalidate_media`` (images, documents and pages) to every trigger listed in the module
    docstring."""
    from taggit.models import TaggedItem
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms.models import Network, Territory, Theme

    uid = "cms.api.cache"
    page_published.connect(on_page_published, dispatch_uid=f"{uid}:published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid=f"{uid}:unpublished")
    post_page_move.connect(invalidate, dispatch_uid=f"{uid}:moved")
    post_delete.connect(invalidate, sender=Page, dispatch_uid=f"{uid}:page-deleted")
    image_model = get_image_model()
    pages_only = (PageViewRestriction, Theme, Territory, Network)
    media = (
        CollectionViewRestriction,
        Collection,
        image_model,
        get_document_model(),
        TaggedItem,
        Site,
    )
    for receiver, models in ((invalidate, pages_only), (invalidate_media, media)):
        for model in models:
            label = model._meta.label_lower
            post_save.connect(receiver, sender=model, dispatch_uid=f"{uid}:{label}:saved")
            post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}:{label}:deleted")
    rendition_model = image_model.get_rendition_model()
    post_delete.connect(
        invalidate_media, sender=rendition_model, dispatch_uid=f"{uid}:rendition-deleted"
    )
