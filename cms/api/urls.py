from django.urls import path

from .openapi import schema_view
from .router import api_router

urlpatterns = [
    # Before the router: "schema" is no endpoint of it.
    path("api/v2/schema/", schema_view, name="cms_api_schema"),
    path("api/v2/", api_router.urls),
]
