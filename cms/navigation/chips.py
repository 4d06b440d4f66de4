"""Theme and territory chips that lead somewhere: each chip of a page links to the listing of
that page's type filtered by the chip (« Éducation » on a news item → the news filtered by
Éducation, sub-themes included, as ``cms.listings`` filters).

The listing of a type is the live, public index page of the site that lists it
(``ListingIndexPage.listing_item_model``). A chip stays plain text when the type has no such
index, or when that index does not filter by the chip's kind (the Flash Info filter by year
only). The map of listings is read once per generation of every page (see ``menus``).
"""

from dataclasses import dataclass

from django.apps import apps

from cms.pages.base import ListingIndexPage

from .menus import cached_for_site


@dataclass(frozen=True)
class Chip:
    name: str
    url: str
    territory: bool = False


def _listing_map(site):
    """{"cms.NewsPage": ("/actualites/", ("theme", "territory", "year")), …}"""
    if site is None:
        return {}
    models = [m for m in apps.get_models() if issubclass(m, ListingIndexPage)]
    found = {}
    for model in models:
        index = (
            model.objects.live().public().descendant_of(site.root_page).order_by("depth", "path")
        ).first()
        if index is not None:
            found[index.listing_item_model] = (
                index.get_url(current_site=site),
                tuple(index.listing_filters),
            )
    return found


def taxonomy_chips(item, request):
    """The chips of ``item`` (themes then territories), linked where a listing filters them."""
    if not hasattr(item, "themes"):  # Flash Info issues and standard pages have none
        return []
    label = f"{item._meta.app_label}.{type(item).__name__}"
    url, filters = cached_for_site(request, "listings", _listing_map).get(label, ("", ()))
    chips = []
    for theme in item.themes.all():
        link = f"{url}?theme={theme.slug}" if url and "theme" in filters else ""
        chips.append(Chip(theme.name, link))
    for territory in item.territories.all():
        link = f"{url}?territory={territory.slug}" if url and "territory" in filters else ""
        chips.append(Chip(territory.name, link, territory=True))
    return chips
