"""Admin registration: the taxonomies as snippets, grouped under a "Taxonomies" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.taxonomy import Network, Territory, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Thématiques"
    list_display = ["name", "slug", "parent", "sort_order"]
    list_filter = ["parent"]
    search_fields = ["name", "slug", "description"]
    search_backend_name = None  # plain database lookups: always in sync, no index needed
    ordering = ["sort_order", "name"]


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = "Territoires"
    list_display = ["name", "level", "code", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "slug", "code"]
    search_backend_name = None
    ordering = ["level", "name"]


class NetworkViewSet(SnippetViewSet):
    model = Network
    icon = "group"
    menu_label = "Réseaux"
    list_display = ["name", "short_name", "member_count", "member_count_label"]
    list_filter = ["themes"]
    search_fields = ["name", "short_name", "audience", "description"]
    search_backend_name = None
    ordering = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, TerritoryViewSet, NetworkViewSet)
    menu_icon = "tag"
    menu_label = "Taxonomies"
    menu_name = "taxonomies"
    menu_order = 300


register_snippet(TaxonomyViewSetGroup)

# Headless preview: the "Aperçu sur le site public" button and its admin URL.
from cms.preview import wagtail_hooks as _preview_hooks  # noqa: E402, F401
