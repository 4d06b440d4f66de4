"""What a publication or unpublication of a page makes cold: the one place that decides which
named generations (``cms.generation``) a change of a page bumps.

Where a page shows in the cached answers (the API, ``cms.api.cache``; the home page,
``cms.home_cache``; the menus, ``cms.navigation.menus``), hence what its change bumps:

- its own detail: ``page:<id>``;
- the listings and filters it appears in: those of its type and of the page types it
  inherits from (``type:cms.newspage``, and ``PAGES``, the type of every page, which also keys
  the untyped listings, the home page, the menus and the map of listings);
- its parent and every ancestor (a dossier shows its press panoramas, which are its children;
  the home page's detail shows featured dossiers), with their types' listings;
- the pages linking to it (rich-text links, page choosers in bodies and resources, the home
  page's featured dossiers), with their types' listings: they show its title and URL, or
  drop the link once it is unpublished. They are found in Wagtail's reference index, which
  Wagtail updates after each save in a background task; the page published is indexed here at
  once, so that its own links are known before anything it links to changes. They are read
  again when the change commits (with the ancestors): a page linking to it, published by
  another transaction that committed meanwhile, was invisible at the first reading.

A page **with children** is a wide change (``CONTENT``: everything is cold): its children's
details show its title (``meta.parent``), their URLs follow its slug, and unpublishing it may
hide them. Wide too, decided in ``cms.api.cache.connect_signals``: a move, a deletion, a view
restriction, a taxonomy, the footer, a site, an image, a document, a collection. When unsure,
wider: a stale answer is a defect, a cold one only costs CPU once.

A draft (a revision saved without publishing) and a new rendition bump nothing.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from cms.generation import CONTENT, invalidate_scopes, page_scope, type_scope


def page_type_scopes(model):
    """The listing scopes of ``model``: its own and those of the concrete page types it
    inherits from (Wagtail's ``type=`` filter lists subclasses' pages too)."""
    return [
        type_scope(klass)
        for klass in model.__mro__
        if isinstance(klass, type)
        and issubclass(klass, Page)
        and not klass._meta.abstract
        and not klass._meta.proxy
    ]


def _pages_scopes(rows):
    """``page:<id>`` and the type scopes of each ``(page id, content type id)``."""
    scopes = []
    for page_id, content_type_id in rows:
        scopes.append(page_scope(page_id))
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            scopes.extend(page_type_scopes(model))
    return scopes


def _linking_pages(page):
    """(id, content type id) of the pages whose live content links to ``page``."""
    references = ReferenceIndex.get_references_to(page).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return set(references.values_list("object_id", "content_type_id"))


def scopes_of_page_change(page):
    """The scopes a publication or unpublication of ``page`` bumps (module docstring)."""
    if page.numchild:
        return [CONTENT]
    ancestors = page.get_ancestors().values_list("pk", "content_type_id")
    rows = [(page.pk, page.content_type_id), *ancestors]
    rows.extend((int(pk), ct) for pk, ct in _linking_pages(page))
    return _pages_scopes(rows)


def invalidate_page_change(page):
    """Bump what a publication or unpublication of ``page`` affects now, and on commit what
    it affects then (module docstring)."""
    scopes = scopes_of_page_change(page)
    invalidate_scopes(scopes, on_commit=lambda: [*scopes, *scopes_of_page_change(page)])


def on_page_published(instance, **kwargs):
    """Receiver of ``page_published``."""
    # Its links indexed now (module docstring), not after the background task.
    ReferenceIndex.create_or_update_for_object(instance)
    invalidate_page_change(instance)


def on_page_unpublished(instance, **kwargs):
    """Receiver of ``page_unpublished``."""
    invalidate_page_change(instance)
