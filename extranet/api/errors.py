"""How the extranet API reports errors: JSON, in French, never a 500 for bad input.

DRF already turns ``Http404`` into 404 and ``PermissionDenied`` into 403 with the message of
the permission module (``{"detail": "…"}``). The services raise Django's ``ValidationError``
(French field messages) for bad input, which DRF leaves unhandled (a 500): here it becomes a
400 with DRF's usual shape, ``{"field": ["message"]}``, and errors not tied to a field go
under ``non_field_errors``.

Used by the API's own views only (``ExtranetAPIMixin.get_exception_handler``), so the CMS
API keeps DRF's global defaults.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from extranet.spaces.invitations import InvitationError


def field_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    """``{"field": ["message", …]}`` for a Django ``ValidationError`` raised by a service."""
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}


def api_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(field_errors(exc))
    elif isinstance(exc, InvitationError):
        exc = exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [exc.message]})
    return exception_handler(exc, context)
