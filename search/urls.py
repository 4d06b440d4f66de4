"""Included at "" by portal/urls.py: the JSON API under /api/search/, the page at /recherche/."""

from django.urls import path

from search.api.views import SearchAPIView, SuggestAPIView
from search.views.page import search_page

app_name = "search"

#: The JSON API (also what an OpenAPI schema view describes, see ``search.api.schema``).
api_urlpatterns = [
    path("api/search/", SearchAPIView.as_view(), name="api"),
    path("api/search/suggest/", SuggestAPIView.as_view(), name="suggest"),
]

urlpatterns = [
    *api_urlpatterns,
    path("recherche/", search_page, name="page"),
]
