"""The OpenAPI schema at ``/api/schema/`` (drf-spectacular), describing the extranet API.

Only the extranet API's patterns are described: the CMS's Wagtail API v2 (``/api/v2/``) is
not a DRF API drf-spectacular can describe faithfully (its fields depend on page types).
"""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

DESCRIBED_PATTERNS = [path("api/extranet/", include("extranet.api.urls"))]


class ExtranetSchemaView(SpectacularAPIView):
    patterns = DESCRIBED_PATTERNS
    custom_settings = {
        "TITLE": "API de l'extranet Ressources & Territoires",
        "DESCRIPTION": (
            "Espaces privés des réseaux : sujets, messages, documents, rencontres, membres, "
            "notifications. Authentification par jeton (`Authorization: Token <jeton>`, "
            "obtenu sur `/api/extranet/auth/token/`) ou par la session du site. Un espace "
            "dont vous n'êtes pas membre répond 404 partout ; une action qui ne vous est pas "
            "permise dans un espace que vous voyez répond 403 avec un message en français."
        ),
        # Two choice sets share a field name ("kind"), one is used by two fields ("role").
        "ENUM_NAME_OVERRIDES": {
            "SpaceKindEnum": "extranet.spaces.models.space.SpaceKind",
            "RevisionKindEnum": "extranet.forum.models.post.RevisionKind",
            "RoleEnum": "extranet.spaces.roles.Role",
        },
    }
