"""The ``Idempotency-Key`` header of the API's creations (``extranet.idempotency.keys``).

A client sends a key of its choice (a UUID) with a creation and the same key with each retry
of it: the first request creates and answers 201; every later request with the key answers
that same status and body, with ``Idempotent-Replayed: true``, and creates nothing. The same
key sent for another endpoint or with another body answers **422** (French ``detail``).
Without the header, every request creates, as before.
"""

from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from extranet.idempotency import keys

HEADER = "Idempotency-Key"
REPLAYED_HEADER = "Idempotent-Replayed"
BAD_KEY = (
    f"L'en-tête {HEADER} doit contenir de 1 à {keys.MAX_KEY_LENGTH} caractères ASCII visibles "
    "(un UUID par exemple)."
)

# Declared on each creation that honours it, so the schema and its Swagger UI show it.
IDEMPOTENCY_PARAMETER = OpenApiParameter(
    HEADER,
    str,
    location=OpenApiParameter.HEADER,
    required=False,
    description="Clé choisie par le client (un UUID), renvoyée telle quelle à chaque nouvel "
    "essai de la même requête : la création n'a lieu qu'une fois et chaque essai reçoit la "
    "première réponse (en-tête Idempotent-Replayed: true). Gardée "
    "IDEMPOTENCY_KEY_TTL secondes (un jour par défaut) ; la même clé avec un autre contenu "
    "répond 422.",
)


def _payload(data):
    """What was sent, as plain JSON (a form's QueryDict keeps every value of each field)."""
    if hasattr(data, "lists"):
        return {name: values for name, values in data.lists()}
    return data


def _key(request):
    key = request.headers.get(HEADER)
    if key is None:
        return None
    key = key.strip()
    if not key or len(key) > keys.MAX_KEY_LENGTH or not all(33 <= ord(c) < 127 for c in key):
        raise ValidationError({HEADER: [BAD_KEY]})
    return key


def create_once(request, action, create) -> Response:
    """The response of ``create()`` — a ``(status, body)`` pair — once per key.

    ``create`` runs inside the key's transaction; what it raises (permission, validation)
    propagates as usual and records nothing.
    """
    key = _key(request)
    if key is None:
        code, body = create()
        return Response(body, status=code)

    def first_answer():
        code, body = create()
        return {"status": code, "body": body}

    try:
        outcome = keys.run_once(request.user, key, action, _payload(request.data), first_answer)
    except keys.KeyReused as error:
        return Response({"detail": error.message}, status=status.HTTP_422_UNPROCESSABLE_ENTITY)
    response = Response(outcome.result["body"], status=outcome.result["status"])
    if outcome.replayed:
        response[REPLAYED_HEADER] = "true"
    return response
