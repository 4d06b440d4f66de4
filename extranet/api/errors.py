"""How the extranet API reports errors: JSON, in French, never a 500 for bad input.

DRF already turns ``Http404`` into 404 and ``PermissionDenied`` into 403 with the message of
the permission module (``{"detail": "…"}``). The services raise Django's ``ValidationError``
(French field messages) for bad input, which DRF leaves unhandled (a 500): here it becomes a
400 with DRF's usual shape, ``{"field": ["message"]}``, and errors not tied to a field go
under ``non_field_errors``.

A body over Django's ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (or with too many fields) makes Django
raise while DRF parses it, which Django answers with its HTML 400 page: here it is a JSON
**413** naming the limit (``limit_bytes`` too, for programs), in French.

A document the disk could not store (full, read-only: ``StorageUnavailable``, nothing kept)
answers **413** with ``Retry-After``, the French reason in ``detail`` and ``reason``
(``stockage_plein``, ``stockage_indisponible``): see ``portal.storage.StorageUnavailable``.

A forum write that could not get its topic's lock in time (``TopicBusy``: another request
holds it, nothing was written) answers **503** with ``Retry-After``, not 409: the request is
right and the same request (same ``Idempotency-Key``) will succeed in a moment, which is what
503 with ``Retry-After`` tells HTTP clients, and what their retry policies act on; a 409 would
ask the client to change something.

Used by the API's own views only (``ExtranetAPIMixin.get_exception_handler``), so the CMS
API keeps DRF's global defaults.
"""

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, RequestDataTooBig, TooManyFieldsSent
from django.core.exceptions import ValidationError as DjangoValidationError
from django.template.defaultfilters import filesizeformat
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from extranet.documents.services import StorageUnavailable
from extranet.forum.locking import TopicBusy
from extranet.forum.services import MAX_BODY_LENGTH
from extranet.spaces.invitations import InvitationError


def field_errors(error: DjangoValidationError) -> dict[str, list[str]]:
    """``{"field": ["message", …]}`` for a Django ``ValidationError`` raised by a service."""
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}


def too_big(exc) -> Response:
    """The JSON answer to a body Django refused to read, with the limit it went over."""
    if isinstance(exc, TooManyFieldsSent):
        limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        return Response(
            {
                "detail": f"Requête trop volumineuse : {limit} champs au plus.",
                "limit_fields": limit,
            },
            status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
        )
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return Response(
        {
            "detail": f"Requête trop volumineuse : son contenu (hors fichiers joints) ne doit "
            f"pas dépasser {filesizeformat(limit)}. Un message compte au plus "
            f"{MAX_BODY_LENGTH} caractères.",
            "limit_bytes": limit,
        },
        status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE,
    )


def storage_unavailable(exc) -> Response:
    response = Response(exc.as_json(), status=exc.status_code)
    response["Retry-After"] = str(exc.retry_after)
    return response


def topic_busy(exc) -> Response:
    response = Response({"detail": exc.messages[0]}, status=status.HTTP_503_SERVICE_UNAVAILABLE)
    response["Retry-After"] = str(exc.retry_after)
    return response


def api_exception_handler(exc, context):
    if isinstance(exc, TopicBusy):  # before ValidationError, which it is
        return topic_busy(exc)
    if isinstance(exc, RequestDataTooBig | TooManyFieldsSent):
        return too_big(exc)
    if isinstance(exc, StorageUnavailable):
        return storage_unavailable(exc)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(field_errors(exc))
    elif isinstance(exc, InvitationError):
        exc = exceptions.ValidationError({api_settings.NON_FIELD_ERRORS_KEY: [exc.message]})
    return exception_handler(exc, context)
