"""The OpenAPI schema at ``/api/schema/`` (drf-spectacular): the extranet API and the search
API (``/api/search/``, described in ``search/api/schema.py``).

The CMS's Wagtail API v2 (``/api/v2/``) is not described here: drf-spectacular cannot
describe it faithfully (its fields depend on page types). ``cms.api.openapi`` builds its own
description from the page types and blocks, served at ``/api/v2/schema/`` (docs/api.md).
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from search.urls import api_urlpatterns as search_api_urlpatterns

DESCRIBED_PATTERNS = [
    path("api/extranet/", include("extranet.api.urls")),
    *search_api_urlpatterns,
]


class ExtranetSchemaView(SpectacularAPIView):
    patterns = DESCRIBED_PATTERNS
    custom_settings = {
        "TITLE": "API de l'extranet et de la recherche Ressources & Territoires",
        "DESCRIPTION": (
            "Espaces privés des réseaux : sujets, messages, documents, rencontres, membres, "
            "notifications ; et la recherche commune au site et à l'extranet "
            "(`/api/search/`), qui ne renvoie que ce que l'appelant·e a le droit de voir. "
            "Authentification par jeton (`Authorization: Token <jeton>`, obtenu sur "
            "`/api/extranet/auth/token/`) ou par la session du site. Un espace "
            "dont vous n'êtes pas membre répond 404 partout ; une action qui ne vous est pas "
            "permise dans un espace que vous voyez répond 403 avec un message en français."
        ),
        # Three choice sets share a field name ("kind"), one is used by two fields ("role").
        "ENUM_NAME_OVERRIDES": {
            "SpaceKindEnum": "extranet.spaces.models.space.SpaceKind",
            "RevisionKindEnum": "extranet.forum.models.post.RevisionKind",
            "RoleEnum": "extranet.spaces.roles.Role",
            "SearchKindEnum": "search.models.Kind",
        },
    }
