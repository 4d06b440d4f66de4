"""What the public API may show, in one place.

Rules (every endpoint, filter and serialiser field goes through these functions):
- pages: live and public only — a page under any view restriction (password, login, groups),
  or below one, is invisible: not listed, not counted, not found by id or path, not linked;
- pages are scoped to the site of the request (Wagtail's ``site`` parameter picks another);
- documents: those in a collection with a view restriction (or below one) are invisible and
  never linked; the others are linked through Wagtail's serve view, never a media URL;
- images are never private (nothing private goes into the image library).

The API is anonymous by design, so restrictions are not evaluated against the caller's
session: "restricted" means "not in the API", whoever asks.
"""

from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction, Page, Site


def _site_for(request):
    """The site whose pages the request may see: ``?site=host[:port]`` or the request's."""
    # Imported here: wagtail.api.v2 loads models at import, and page modules import this one.
    from wagtail.api.v2.utils import BadRequestError

    hostname = request.GET.get("site")
    if not hostname:
        return Site.find_for_request(request)
    lookup = {"hostname": hostname}
    if ":" in hostname:
        lookup["hostname"], port = hostname.split(":", 1)
        if not port.isdigit():
            raise BadRequestError(f"site : port non valide « {port} ».")
        lookup["port"] = int(port)
    sites = list(Site.objects.filter(**lookup)[:2])
    if not sites:
        raise BadRequestError(f"site : aucun site « {hostname} ».")
    if len(sites) > 1:
        raise BadRequestError("site : plusieurs sites correspondent, préciser le port.")
    return sites[0]


def filter_public_pages(queryset, request):
    """Narrow a page queryset to what the API shows for ``request``'s site."""
    site = _site_for(request)
    if site is None:
        return queryset.none()
    return queryset.live().public().descendant_of(site.root_page, inclusive=True)


def public_pages(request):
    return filter_public_pages(Page.objects.all(), request)


def visible_page_ids(page_ids):
    """The subset of ``page_ids`` that are live and public (any site: links are absolute)."""
    page_ids = {pk for pk in page_ids if pk is not None}
    if not page_ids:
        return set()
    return set(Page.objects.filter(pk__in=page_ids).live().public().values_list("pk", flat=True))


def private_collection_ids():
    """Ids of collections under a view restriction, and of their descendants."""
    restricted = list(
        Collection.objects.filter(
            pk__in=CollectionViewRestriction.objects.values("collection_id")
        ).values_list("path", flat=True)
    )
    if not restricted:
        return set()
    under = Q()
    for path in restricted:
        under |= Q(path__startswith=path)
    return set(Collection.objects.filter(under).values_list("pk", flat=True))


def filter_public_documents(queryset):
    private = private_collection_ids()
    return queryset.exclude(collection_id__in=private) if private else queryset


def is_public_document(document, private_ids=None):
    if document is None:
        return False
    if private_ids is None:
        private_ids = private_collection_ids()
    return document.collection_id not in private_ids
