"""``GET /api/search/`` and ``GET /api/search/suggest/``.

Rules (each tested in tests/search/test_api_*.py):
- anyone may call them (``AllowAny``, not the project default ``IsAuthenticated``): anonymous
  callers get public content; a session or an ``Authorization: Token …`` header makes the
  caller's spaces (and staff content for staff) visible, exactly as ``search.service`` rules;
- bad input answers 400 with ``{"errors": {"parameter": ["message in French"]}}``;
- an engine that is down answers from the database fallback with ``"degraded": true``; when
  even that fails, 503 with ``{"degraded": true, "detail": "…"}``; never a 500;
- answers depend on who asks: ``Vary: Cookie, Authorization`` keeps shared caches honest;
- every answer, errors included, is rendered by a serializer of ``search.api.serializers``,
  the same classes the OpenAPI description documents.
"""

from django.db import DatabaseError
from django.utils.cache import patch_vary_headers
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from search.forms import InvalidSearch
from search.service import SearchUnavailable, search_from_query_dict, suggest

from .parameters import validate_suggest
from .schema import search_schema, suggest_schema
from .serializers import (
    InvalidInputSerializer,
    SearchResponseSerializer,
    SuggestResponseSerializer,
    UnavailableSerializer,
)

UNAVAILABLE = "La recherche est momentanément indisponible. Réessayez dans quelques instants."
RETRY_AFTER_SECONDS = "30"


def invalid(error):
    return Response(InvalidInputSerializer({"errors": error.errors}).data, status=400)


def unavailable():
    return Response(
        UnavailableSerializer({"degraded": True, "detail": UNAVAILABLE}).data,
        status=503,
        headers={"Retry-After": RETRY_AFTER_SECONDS},
    )


class SearchAPIMixin:
    # Token first: a wrong token then answers 401 with ``WWW-Authenticate: Token``.
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ("Cookie", "Authorization"))
        return response


class SearchAPIView(SearchAPIMixin, APIView):
    """Search what the caller may see: ``q``, ``kind``, ``theme``, ``territory``, ``space``,
    ``year``, ``date_from``, ``date_to``, ``sort`` (``relevance`` | ``date``), ``page``,
    ``page_size``."""

    @search_schema
    def get(self, request):
        try:
            response = search_from_query_dict(request.user, request.query_params)
        except InvalidSearch as error:
            return invalid(error)
        except SearchUnavailable:
            return unavailable()
        return Response(SearchResponseSerializer(response).data)


class SuggestAPIView(SearchAPIMixin, APIView):
    """Titles of visible documents starting like ``q`` (autocomplete); ``limit`` 1–20."""

    @suggest_schema
    def get(self, request):
        try:
            prefix, limit = validate_suggest(request.query_params)
        except InvalidSearch as error:
            return invalid(error)
        try:
            suggestions = suggest(request.user, prefix, limit=limit)
        except (SearchUnavailable, DatabaseError):
            # ``suggest`` already fell back to the database rows; this is the database gone.
            return unavailable()
        return Response(
            SuggestResponseSerializer({"query": prefix, "suggestions": suggestions}).data
        )
