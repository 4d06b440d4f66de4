"""Included at ``/api/schema/`` by portal/urls.py: the schema and its Swagger UI.

The UI's scripts and styles come from drf-spectacular-sidecar's static files (settings
``SWAGGER_UI_DIST = "SIDECAR"``): nothing is loaded from a CDN.
"""

from django.urls import path
from drf_spectacular.views import SpectacularSwaggerView

from .schema import ExtranetSchemaView

urlpatterns = [
    path("", ExtranetSchemaView.as_view(), name="api_schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_schema_docs"),
]
