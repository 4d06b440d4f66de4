"""Spaces in the Wagtail admin, for staff: create, rename, describe, link, archive, import.

Memberships are managed in the extranet itself (invitations, members page), by the CSV import
(here and in the Django admin) and in the Django admin's inline list, whose autocomplete copes
with thousands of accounts.
"""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ImportMembersView
from .models import Space


class SpaceViewSet(SnippetViewSet):
    model = Space
    icon = "group"
    menu_label = "Espaces de l'extranet"
    menu_name = "extranet-spaces"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "kind", "is_archived", Column("members_count", label="Membres")]
    list_filter = ["kind", "is_archived"]
    search_fields = ["name", "slug", "description"]
    search_backend_name = None  # plain database lookups: spaces are few
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("network"),
        FieldPanel("dossier"),
        FieldPanel("is_archived"),
    ]

    def get_queryset(self, request):
        return Space.objects.with_members_count()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("import/<int:pk>/", ImportMembersView.as_view(), name="import_members"),
        ]


space_viewset = SpaceViewSet()
register_snippet(space_viewset)


@hooks.register("register_snippet_listing_buttons")
def import_members_button(snippet, user, next_url=None):
    if isinstance(snippet, Space) and user.is_staff and user.has_perm("spaces.change_space"):
        yield MenuItem(
            "Importer des membres (CSV)",
            reverse(space_viewset.get_url_name("import_members"), args=[snippet.pk]),
            icon_name="download",
            priority=90,
        )
