"""``/api/v2/page_preview/?content_type=cms.newspage&token=…``: a draft, as the API shows pages.

The front end receives ``content_type`` and ``token`` in the preview URL (see
``HeadlessPreviewMixin.get_preview_url``) and calls this endpoint with them. The answer has
the shape of ``/api/v2/pages/<id>/`` for the same page type, with the previewed content.

Answers: 200 for a valid token; 400 when ``token`` or ``content_type`` is missing or another
parameter is unknown; 403 for a genuine but expired token (the editor previews again);
404 for a forged, altered or unknown token or a mismatched content type. Anyone holding a
valid token may read the draft: tokens are short-lived for that reason.
"""

from django.urls import path
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError, parse_fields_parameter

from cms.api.endpoints import PagesEndpoint
from cms.api.errors import check_parameters

from . import tokens

PARAMETERS = ("content_type", "token", "fields", "format", "rich_text_format", "_")


class PagePreviewEndpoint(PagesEndpoint):
    def listing_view(self, request):
        check_parameters(request, PARAMETERS)
        page = self.get_object()
        serializer = self.get_serializer(page)
        return Response(serializer.data)

    def get_object(self):
        if not hasattr(self, "_cached_object"):
            for name in ("content_type", "token"):
                if not self.request.GET.get(name):
                    raise BadRequestError(f"{name} : paramètre obligatoire.")
            page = tokens.resolve_preview(
                self.request.GET["token"], self.request.GET["content_type"]
            )
            self._cached_object = page
        return self._cached_object

    def get_serializer_class(self):
        try:
            fields_config = parse_fields_parameter(self.request.GET.get("fields", ""))
        except ValueError as error:
            raise BadRequestError(f"fields error: {error}") from error
        return self._get_serializer_class(
            self.request.wagtailapi_router, type(self.get_object()), fields_config, True
        )

    def handle_exception(self, exc):
        if isinstance(exc, tokens.ExpiredPreviewToken):
            return Response(
                {"message": "Lien d'aperçu expiré : relancer l'aperçu depuis l'administration."},
                status=status.HTTP_403_FORBIDDEN,
            )
        if isinstance(exc, tokens.InvalidPreviewToken):
            return Response({"message": str(exc)}, status=status.HTTP_404_NOT_FOUND)
        return super().handle_exception(exc)

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
