"""Spaces in the Wagtail admin, for staff: create, rename, describe, archive.

Memberships are managed in the extranet itself (invitations, members page) and in the Django
admin (inline list and CSV import), where the autocomplete copes with thousands of accounts.
"""

from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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


register_snippet(SpaceViewSet)
