"""Which pages a feed shows, for which site, with which filters.

Rules every feed obeys:
- only pages of the requested site (``Site.find_for_request``, else the default site);
- only public pages (``cms.visibility``: live, past their ``go_live_at``, before their
  ``expire_at`` even while ``publish_scheduled`` has not unpublished them, under no view
  restriction);
- ``?theme=<slug>`` and ``?territory=<slug>`` narrow the items as the listings do (a theme
  includes its sub-themes, a territory the territories inside it); an unknown slug is a 404,
  because a feed reader cannot show a form error and a feed of "nothing" would look valid;
- absolute URLs start with the site's root URL (what editors configured), never with whatever
  host the request came through.
"""

from dataclasses import dataclass, field

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import Site

from cms.listings import ListingFilterForm, territories_within, themes_within
from cms.taxonomy import Territory, Theme
from cms.visibility import filter_public_pages

FEED_FILTERS = ("theme", "territory")


@dataclass
class FeedScope:
    """Everything a feed needs to know about one request: site, filters, absolute URLs."""

    request: HttpRequest
    site: Site
    theme: Theme | None = None
    territory: Territory | None = None
    filters: dict = field(default_factory=dict)  # the valid filters, as query parameters

    @property
    def root_url(self):
        return self.site.root_url

    def absolute(self, path):
        """``path`` (starting with ``/``) as an absolute URL on the site's root URL."""
        return self.root_url + path

    def reverse(self, name, **kwargs):
        """An absolute URL for a named route, keeping the current filters."""
        url = self.absolute(reverse(name, kwargs=kwargs or None))
        return f"{url}?{urlencode(self.filters)}" if self.filters else url

    def page_url(self, page):
        # With the request, Wagtail caches the site root paths once for every item.
        return page.get_full_url(self.request)

    @property
    def filter_label(self):
        """The filters in words, for feed titles: "Éducation, Haute-Garonne"."""
        return ", ".join(str(obj.name) for obj in (self.theme, self.territory) if obj)

    def published(self, model):
        """The public pages of ``model`` in this site, without filters."""
        return filter_public_pages(model.objects.descendant_of(self.site.root_page, inclusive=True))

    def pages(self, model):
        """The published pages of ``model`` that match the filters (``model`` has themes and
        territories: ``cms.pages.base.TaxonomyMixin``)."""
        queryset = self.published(model)
        if self.theme is not None:
            queryset = queryset.filter(themes__in=themes_within(self.theme))
        if self.territory is not None:
            queryset = queryset.filter(territories__in=territories_within(self.territory))
        if self.theme is not None or self.territory is not None:
            # An item tagged with two matching sub-themes would otherwise come twice.
            queryset = queryset.distinct()
        return queryset

    def index_page(self, model):
        """The first published index page of ``model`` in this site, or ``None``."""
        return self.published(model).order_by("path").first()

    def index_url(self, model):
        """The index page's URL with the current filters (the listings accept the same
        parameters), or the site's home when the index does not exist."""
        index = self.index_page(model)
        url = self.page_url(index) if index is not None else self.absolute("/")
        return f"{url}?{urlencode(self.filters)}" if self.filters else url


def feed_scope(request):
    """The scope of ``request``; raises ``Http404`` for an unknown site, theme or territory."""
    site = Site.find_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    if site is None:
        raise Http404("Aucun site n'est configuré.")

    form = ListingFilterForm(request.GET, filters=FEED_FILTERS)
    if not form.is_valid():
        raise Http404(form.error_message)
    theme = form.cleaned_data.get("theme")
    territory = form.cleaned_data.get("territory")
    filters = {}
    if theme is not None:
        filters["theme"] = theme.slug
    if territory is not None:
        filters["territory"] = territory.slug
    return FeedScope(request=request, site=site, theme=theme, territory=territory, filters=filters)
