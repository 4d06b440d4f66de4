"""How the API answers bad input: 400 with a JSON ``message``, never a 500.

Wagtail already maps its ``BadRequestError`` to 400 and ``Http404`` to 404. Two more cases
reach the database with values it refuses, whatever the filter code checked: Django's
``ValidationError`` (a malformed value met at query time) and ``OverflowError`` (an integer
SQLite cannot hold). Both are caused by the request, so both are 400.
"""

from django.core.exceptions import ValidationError
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.utils import BadRequestError

MESSAGE_NOT_FOUND = "Introuvable."


def bad_request(message):
    return Response({"message": message}, status=status.HTTP_400_BAD_REQUEST)


class APIErrorsMixin:
    """Mixed into every endpoint of the portal's API."""

    def handle_exception(self, exc):
        if isinstance(exc, ValidationError):
            return bad_request("Paramètre non valide : " + " ".join(exc.messages))
        if isinstance(exc, OverflowError):
            return bad_request("Paramètre non valide : nombre trop grand.")
        return super().handle_exception(exc)


def check_parameters(request, allowed):
    """400 for any query parameter outside ``allowed`` (detail views, preview)."""
    unknown = sorted(set(request.GET.keys()) - set(allowed))
    if unknown:
        raise BadRequestError(
            "query parameter is not an operation or a recognised field: " + ", ".join(unknown)
        )
