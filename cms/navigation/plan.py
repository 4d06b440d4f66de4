"""The site plan (« Plan du site »), generated from the page tree.

It shows the sections of the site, not every article: the live, public pages under the
site's home down to three levels, except the items of listings (news, briefs, dossiers…
under their index page), which their index page already lists with filters. Two fixed
entries follow: the search and the members' area, which are not pages.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms.pages.base import ListingIndexPage

MAX_LEVELS = 3


@dataclass
class PlanEntry:
    title: str
    url: str
    children: list["PlanEntry"] = field(default_factory=list)


def _listing_content_type_ids():
    models = [m for m in apps.get_models() if issubclass(m, ListingIndexPage)]
    return {ct.pk for ct in ContentType.objects.get_for_models(*models).values()}


def site_plan(site) -> list[PlanEntry]:
    """The entries under the site's home (which is the plan's first entry)."""
    home = site.root_page
    pages = (
        Page.objects.descendant_of(home)
        .filter(depth__lte=home.depth + MAX_LEVELS)
        .live()
        .public()
        .order_by("path")
        .only("id", "title", "path", "depth", "url_path", "content_type_id")
    )
    listings = _listing_content_type_ids()
    by_path: dict[str, tuple[PlanEntry, bool]] = {}
    top: list[PlanEntry] = []
    step = Page.steplen
    for page in pages:
        entry = PlanEntry(page.title, page.get_url(current_site=site))
        parent_path = page.path[:-step]
        if page.depth == home.depth + 1:
            top.append(entry)
        else:
            parent = by_path.get(parent_path)
            # Below a listing or below a skipped (private, draft) parent: not in the plan.
            if parent is None or parent[1]:
                continue
            parent[0].children.append(entry)
        by_path[page.path] = (entry, page.content_type_id in listings)
    return top
