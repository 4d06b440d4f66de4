"""What every view of the extranet API shares: authentication, errors, paging, the space rule.

- Token authentication comes first, so an anonymous request answers **401** with
  ``WWW-Authenticate: Token`` (DRF uses the first class's header); browser sessions work too
  (CSRF enforced on writes, as DRF's ``SessionAuthentication`` does).
- A deactivated account is refused on its next request: the token authentication rejects
  inactive users and Django's backend no longer resolves their session (401 either way).
- Views nested under a space resolve it **before anything else** through
  ``extranet.spaces.permissions.get_visible_space_or_404``: whoever may not see the space
  gets 404 on every endpoint under it, whatever the rest of the URL, the method or the body.
  Nothing is cached beyond the request (the permission module's per-request cache only), so a
  removed member gets 404 from their very next request.
- Answers are JSON, whatever a browser's Accept header prefers.
- Actions call the permission modules' ``check_*`` before validating input, so a member who
  may not do something gets 403 (French message) rather than a lesson on the fields.
"""

from django.http import Http404
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.renderers import JSONRenderer
from rest_framework.viewsets import GenericViewSet

from extranet.spaces import permissions as space_permissions

from ..errors import api_exception_handler
from ..pagination import ExtranetPagination


class ExtranetAPIMixin:
    authentication_classes = [TokenAuthentication, SessionAuthentication]
    permission_classes = [IsAuthenticated]
    pagination_class = ExtranetPagination
    # JSON only: the OpenAPI schema and its Swagger UI (/api/schema/docs/) are how people
    # explore the API, so DRF's browsable HTML pages (and their forms) are not served.
    renderer_classes = [JSONRenderer]

    def get_exception_handler(self):
        return api_exception_handler


class ExtranetViewSet(ExtranetAPIMixin, GenericViewSet):
    pass


class SpaceScopedViewSet(ExtranetViewSet):
    """A viewset under ``spaces/<space_slug>/``: ``self.space`` is a space the user may see."""

    space = None

    def initial(self, request, *args, **kwargs):
        # Authentication and IsAuthenticated first (anonymous: 401), then the space (404).
        super().initial(request, *args, **kwargs)
        self.space = space_permissions.get_visible_space_or_404(
            request.user, slug=kwargs["space_slug"]
        )

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "space": self.space}

    @property
    def is_schema_generation(self):
        return getattr(self, "swagger_fake_view", False)

    def paginated(self, queryset, serializer_class=None, prepare=None):
        """One page of ``queryset`` as DRF's paginated response; ``prepare(items)`` runs on the
        page's objects before serialising (to attach the space already loaded)."""
        page = self.paginate_queryset(queryset)
        if prepare is not None:
            prepare(page)
        serializer_class = serializer_class or self.get_serializer_class()
        serializer = serializer_class(page, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)


def first_or_404(queryset, message):
    """The first row of ``queryset`` or a 404 with ``message`` (French)."""
    found = queryset.first()
    if found is None:
        raise Http404(message)
    return found
