"""The endpoints of ``/api/v2/``: pages, images, documents, redirects.

What they add to Wagtail's viewsets:
- anonymous and public: no authentication, no permission class (the project's DRF default
  is ``IsAuthenticated``, meant for the extranet API), and what may be seen comes from
  ``cms.api.visibility`` (live, public pages of the site; documents outside restricted
  collections), so counts, children, parents and ``find`` obey the same rules;
- the portal's filters (``cms.api.filters``) and 400 answers for every bad parameter, also
  on detail and ``find`` views (``cms.api.errors``);
- queries that do not grow with the number of items: images with their renditions,
  taxonomies, networks and inline items are prefetched for typed listings, only those the
  answer shows (``fields=-territories`` or ``fields=_,title`` load no territories);
- built once per request: the base queryset (site, visibility) and the filtered one are
  memoised on the view, which Wagtail asks three times (listing, serialiser class, context);
- compact JSON: Wagtail indents its answers by 4, which makes ``json`` fall back to its
  pure-Python encoder (≈ 8 ms of a 40 ms cold listing, docs/benchmarks.md);
- listings of one page type show a summary by default (intro, image, date, themes…);
  bodies and other heavy fields are for the detail view only.
"""

from django.db.models import Prefetch, Q
from django.http import Http404
from rest_framework.permissions import AllowAny
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.contrib.redirects.api import RedirectsAPIViewSet
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from cms.representations import RENDITION_FILTER_SPECS, rendition_prefetch
from cms.sites import site_for_request

from . import visibility
from .errors import APIErrorsMixin
from .fields import DETAIL_ONLY_FIELDS
from .filters import (
    CUSTOM_PARAMETERS,
    DateFilter,
    StrictLocaleFilter,
    TaxonomyFilter,
    UpcomingFilter,
    ValidatedFieldsFilter,
    ValidatedOrderingFilter,
    has_field,
)
from .pagination import PortalPagination
from .serializers import PortalDocumentSerializer, PortalImageSerializer, PortalPageSerializer

# Shown by default in a listing of one page type, when the type has them.
LISTING_SUMMARY_FIELDS = (
    "intro",
    "image",
    "date",
    "start",
    "end",
    "kind",
    "number",
    "themes",
    "territories",
)
MAX_ID = 2**63 - 1


class PublicEndpointMixin(APIErrorsMixin):
    authentication_classes = []
    permission_classes = [AllowAny]
    pagination_class = PortalPagination

    def detail_view(self, request, pk):
        if int(pk) > MAX_ID:
            raise Http404("not found")
        self.check_query_parameters(self.get_queryset())
        return super().detail_view(request, pk)

    def find_object(self, queryset, request):
        if "id" in request.GET:
            value = request.GET["id"]
            if not value.isdigit() or int(value) > MAX_ID:
                raise BadRequestError("id : entier positif attendu.")
        return super().find_object(queryset, request)


def joined_relations(model, shown=None):
    """The foreign keys of ``model`` an answer reads with its row (``select_related``)."""
    return [
        name
        for name in ("image", "network")
        if has_field(model, name) and (shown is None or name in shown)
    ]


def with_prefetches(queryset, shown=None):
    """What a listing item of ``queryset.model`` shows, loaded in constant queries.

    ``shown``: the names of the fields the answer shows (``None``: all of them); a relation
    not shown is not loaded."""
    model = queryset.model

    def wanted(name):
        return has_field(model, name) and (shown is None or name in shown)

    joined = joined_relations(model, shown)
    if joined:
        queryset = queryset.select_related(*joined)
    if wanted("image"):
        queryset = queryset.prefetch_related(rendition_prefetch("image"))
    for name in ("themes", "territories", "contributors"):
        if wanted(name):
            queryset = queryset.prefetch_related(name)
    if wanted("press_items"):
        items = model._meta.get_field("press_items").related_model
        queryset = queryset.prefetch_related(
            Prefetch("press_items", queryset=items.objects.select_related("theme"))
        )
    return queryset


def remember_site(request):
    """Give ``request`` its Wagtail site from the cache (``cms.sites``): one query per host and
    generation instead of one per computed answer. Not when ``?site=`` asks for another."""
    if "site" in request.GET:
        return
    site_for_request(request)


class PagesEndpoint(PublicEndpointMixin, PagesAPIViewSet):
    base_serializer_class = PortalPageSerializer
    filter_backends = [
        ValidatedFieldsFilter,
        TaxonomyFilter,
        DateFilter,
        UpcomingFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        ValidatedOrderingFilter,
        TranslationOfFilter,
        StrictLocaleFilter,
        SearchFilter,  # last: search results cannot be filtered further
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(CUSTOM_PARAMETERS)
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, *DETAIL_ONLY_FIELDS]

    def get_base_queryset(self):
        # Memoised: Wagtail asks for it in get_queryset, the serialiser context and filters.
        if not hasattr(self, "_base_queryset"):
            remember_site(self.request)
            self._base_queryset = visibility.public_pages(self.request)
        return self._base_queryset

    def get_queryset(self):
        # Memoised: Wagtail asks for it in the view, then for its model in
        # get_serializer_class; filters and pagination work on clones.
        if not hasattr(self, "_queryset"):
            queryset = super().get_queryset()
            if queryset.model is not Page:
                shown = None
                if self.action == "listing_view":
                    self._queryset = queryset  # get_serializer_class asks for the model
                    shown = set(self.get_serializer_class().Meta.fields)
                queryset = with_prefetches(queryset, shown)
            self._queryset = queryset
        return self._queryset

    def get_renderer_context(self):
        context = super().get_renderer_context()
        context["indent"] = None  # see the module docstring: compact JSON, C encoder
        return context

    def get_object(self):
        """The specific page of a detail answer, read with its image (``joined_relations``):
        Wagtail's ``base.specific`` reads the specific row alone, then the image in a query
        of its own. Its renditions come from Wagtail's renditions cache, as before; a
        prefetch would be a query instead."""
        if not hasattr(self, "_specific_object"):
            base = super(PagesAPIViewSet, self).get_object()  # the public page, or a 404
            model = base.specific_class
            joined = joined_relations(model) if model is not None else []
            if joined:
                specific = model.objects.select_related(*joined).get(pk=base.pk)
                # What ``get_specific`` copies: the generic page's other attributes.
                for name, value in base.__dict__.items():
                    specific.__dict__.setdefault(name, value)
                self._specific_object = specific
            else:
                self._specific_object = base.specific
        return self._specific_object

    @classmethod
    def get_listing_default_fields(cls, model):
        fields = super().get_listing_default_fields(model)
        available = cls.get_available_fields(model)
        return fields + [name for name in LISTING_SUMMARY_FIELDS if name in available]

    def get_serializer_class(self):
        # Memoised: a listing asks for it first to know which relations to prefetch.
        if not hasattr(self, "_serializer_class"):
            self._serializer_class = self._make_serializer_class()
        return self._serializer_class

    def _make_serializer_class(self):
        if self.action == "listing_view" and "fields" in self.request.GET:
            try:
                requested = parse_fields_parameter(self.request.GET["fields"])
            except ValueError as error:
                raise BadRequestError(f"fields error: {error}") from error
            heavy = sorted(
                name
                for name, negated, _sub in requested
                if not negated and name in DETAIL_ONLY_FIELDS
            )
            if heavy:
                raise BadRequestError(
                    f"fields : {', '.join(heavy)} seulement dans le détail d'une page "
                    "(/api/v2/pages/<id>/)."
                )
        return super().get_serializer_class()


class ImagesEndpoint(PublicEndpointMixin, ImagesAPIViewSet):
    """Images are public (nothing private goes into the image library)."""

    base_serializer_class = PortalImageSerializer
    filter_backends = [ValidatedFieldsFilter, ValidatedOrderingFilter, SearchFilter]
    body_fields = [*ImagesAPIViewSet.body_fields, "alt", "renditions"]
    listing_default_fields = [
        *ImagesAPIViewSet.listing_default_fields,
        "width",
        "height",
        "alt",
        "renditions",
    ]

    def get_queryset(self):
        queryset = super().get_queryset().prefetch_renditions(*RENDITION_FILTER_SPECS)
        return queryset.prefetch_related("tags")


class DocumentsEndpoint(PublicEndpointMixin, DocumentsAPIViewSet):
    """Documents outside restricted collections; ``download_url`` is the serve view."""

    base_serializer_class = PortalDocumentSerializer
    filter_backends = [ValidatedFieldsFilter, ValidatedOrderingFilter, SearchFilter]

    def get_queryset(self):
        queryset = visibility.filter_public_documents(super().get_queryset(), self.request)
        return queryset.prefetch_related("tags")


class RedirectsEndpoint(PublicEndpointMixin, RedirectsAPIViewSet):
    """The editors' redirects (*Paramètres › Redirections*), so that a decoupled front can
    answer an old address as the built-in templates do (``RedirectMiddleware``).

    Only those of the request's site (or of every site) that lead to an external address or
    to a public page: a redirect to a draft or a restricted page would reveal its address,
    so it is absent (404), like the page. ``find/?html_path=/ancienne-adresse/`` answers a
    302 to the redirect's detail, as Wagtail's ``find`` does for pages.
    """

    filter_backends = [ValidatedFieldsFilter, ValidatedOrderingFilter]
    # Wagtail's viewset forgets html_path here: its 302 would carry it to the detail view.
    find_query_parameters = RedirectsAPIViewSet.find_query_parameters.union(["html_path"])
    # Whether to answer 301 or 302 is the editor's choice: the front needs it too.
    body_fields = [*RedirectsAPIViewSet.body_fields, "is_permanent"]
    listing_default_fields = [*RedirectsAPIViewSet.listing_default_fields, "is_permanent"]

    def get_queryset(self):
        site = visibility.site_for(self.request)
        public = visibility.public_pages(self.request).values("pk")
        return (
            Redirect.objects.filter(Q(site__isnull=True) | Q(site=site))
            .filter(Q(redirect_page__isnull=True) | Q(redirect_page__in=public))
            .select_related("redirect_page")
            .order_by("old_path", "pk")
        )

    def find_object(self, queryset, request):
        if "html_path" in request.GET:
            path = Redirect.normalise_path(request.GET["html_path"], decode_unicode=False)
            found = get_redirect(request, path)
            if found is None or not queryset.filter(pk=found.pk).exists():
                raise Http404("not found")
            return found
        return super().find_object(queryset, request)
