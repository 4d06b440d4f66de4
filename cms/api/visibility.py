"""What the public API may show, in one place.

Rules (every endpoint, filter and serialiser field goes through this module):
- pages: public only (``cms.visibility``: live, past its ``go_live_at``, before its
  ``expire_at``, under no view restriction) — any other page is invisible: not listed, not
  counted, not found by id or path, not linked;
- pages are scoped to the site of the request (Wagtail's ``site`` parameter picks another);
- documents: those in a collection with a view restriction (or below one) are invisible and
  never linked; the others are linked through Wagtail's serve view, never a media URL;
- images are never private (nothing private goes into the image library).

The API is anonymous by design, so restrictions are not evaluated against the caller's
session: "restricted" means "not in the API", whoever asks.

``for_request(request)`` gives a ``Visibility`` that reads the restrictions once per request
(listing, counts, parents, body links and documents all ask several times).
"""

from django.db.models import Q
from wagtail.models import Collection, CollectionViewRestriction, Page, Site

from cms.visibility import Restrictions


class Visibility:
    """Restrictions read once, then reused for every question of one request."""

    def __init__(self):
        self._restrictions = None
        self._private_collections = None

    def restrictions(self):
        if self._restrictions is None:
            self._restrictions = Restrictions()
        return self._restrictions

    def filter_public(self, queryset):
        """The public pages of ``queryset`` (``cms.visibility``)."""
        return self.restrictions().filter_public(queryset)

    def visible_page_ids(self, page_ids):
        """The subset of ``page_ids`` that are live and public (on any site)."""
        page_ids = {pk for pk in page_ids if pk is not None}
        if not page_ids:
            return set()
        queryset = self.filter_public(Page.objects.filter(pk__in=page_ids))
        return set(queryset.values_list("pk", flat=True))

    def public_pages(self, page_ids):
        """``{pk: page}`` of the live and public pages among ``page_ids`` (on any site), in
        one query: the pages themselves, for those who link to them."""
        page_ids = {pk for pk in page_ids if pk is not None}
        if not page_ids:
            return {}
        return {page.pk: page for page in self.filter_public(Page.objects.filter(pk__in=page_ids))}

    def private_collection_ids(self):
        """Ids of collections under a view restriction, and of their descendants."""
        if self._private_collections is None:
            restricted = list(
                Collection.objects.filter(
                    pk__in=CollectionViewRestriction.objects.values("collection_id")
                ).values_list("path", flat=True)
            )
            private = set()
            if restricted:
                under = Q()
                for path in restricted:
                    under |= Q(path__startswith=path)
                private = set(Collection.objects.filter(under).values_list("pk", flat=True))
            self._private_collections = private
        return self._private_collections

    def filter_public_documents(self, queryset):
        private = self.private_collection_ids()
        return queryset.exclude(collection_id__in=private) if private else queryset

    def is_public_document(self, document):
        return document is not None and document.collection_id not in self.private_collection_ids()


def for_request(request):
    """The ``Visibility`` of ``request`` (a fresh one when there is no request)."""
    if request is None:
        return Visibility()
    visibility = getattr(request, "_cms_api_visibility", None)
    if visibility is None:
        visibility = Visibility()
        request._cms_api_visibility = visibility
    return visibility


def site_for(request):
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


def public_pages(request):
    """Live, public pages of the request's site: the base of every page answer."""
    site = site_for(request)
    if site is None:
        return Page.objects.none()
    pages = Page.objects.descendant_of(site.root_page, inclusive=True)
    return for_request(request).filter_public(pages)


def filter_public_documents(queryset, request=None):
    return for_request(request).filter_public_documents(queryset)
