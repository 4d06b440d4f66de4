"""OpenAPI description of the search API (drf-spectacular): parameters and responses.

The response shapes are the serializers of ``search.api.serializers``, the very classes the
views render their answers with, so the description is the responses' own;
``tests/search/test_api_schema.py`` still checks it against real responses, type by type.
The URL patterns to describe are ``search.urls.api_urlpatterns``.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema

from search.forms import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH
from search.models import Kind

from .parameters import DEFAULT_LIMIT, MAX_LIMIT, MAX_PREFIX_LENGTH
from .serializers import (
    InvalidInputSerializer,
    SearchResponseSerializer,
    SuggestResponseSerializer,
    UnavailableSerializer,
)

TAG = "recherche"

INVALID = OpenApiResponse(
    InvalidInputSerializer,
    description="Saisie invalide : toutes les erreurs d'un coup.",
    examples=[
        OpenApiExample("page", value={"errors": {"page": ["Le numéro de page commence à 1."]}}),
    ],
)
UNAVAILABLE = OpenApiResponse(
    UnavailableSerializer,
    description="Le moteur et la base sont indisponibles (en-tête `Retry-After: 30`).",
)
UNAUTHORIZED = OpenApiResponse(description="Jeton invalide (`WWW-Authenticate: Token`).")


def _values(name, description, items):
    """A filter given repeated (``?theme=a&theme=b``) or comma-separated."""
    return OpenApiParameter(
        name,
        {"type": "array", "items": items},
        OpenApiParameter.QUERY,
        description=f"{description} Répété ou séparé par des virgules ; 20 valeurs au plus.",
        style="form",
        explode=True,
    )


SEARCH_PARAMETERS = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description=f"Les mots cherchés ({MAX_QUERY_LENGTH} caractères au plus ; vide : "
        "parcourir par filtres, du plus récent au plus ancien). Accents, élisions, écriture "
        "inclusive, formes genrées et sigles sont compris ; la syntaxe des moteurs est retirée.",
    ),
    _values("kind", "Natures.", {"type": "string", "enum": Kind.values}),
    _values("theme", "Thématiques (identifiants).", {"type": "string"}),
    _values("territory", "Territoires (identifiants).", {"type": "string"}),
    _values("space", "Espaces (numéros).", {"type": "integer"}),
    _values("year", "Années.", {"type": "integer"}),
    OpenApiParameter("date_from", OpenApiTypes.DATE, description="Depuis ce jour (AAAA-MM-JJ)."),
    OpenApiParameter("date_to", OpenApiTypes.DATE, description="Jusqu'à ce jour inclus."),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=["relevance", "date"], default="relevance"),
    OpenApiParameter(
        "page",
        OpenApiTypes.INT,
        default=1,
        description=f"De 1 à {MAX_PAGE} ; après la dernière page : liste vide.",
    ),
    OpenApiParameter(
        "page_size",
        OpenApiTypes.INT,
        default=DEFAULT_PAGE_SIZE,
        description=f"De 1 à {MAX_PAGE_SIZE}.",
    ),
]

SUGGEST_PARAMETERS = [
    OpenApiParameter(
        "q",
        OpenApiTypes.STR,
        description=f"Début de titre ({MAX_PREFIX_LENGTH} caractères au plus ; moins de deux "
        "lettres utiles : liste vide).",
    ),
    OpenApiParameter(
        "limit", OpenApiTypes.INT, default=DEFAULT_LIMIT, description=f"De 1 à {MAX_LIMIT}."
    ),
]

search_schema = extend_schema(
    operation_id="search",
    summary="Chercher",
    description=(
        "Pages du site, sujets et messages des espaces, documents : ce que l'appelant a le droit "
        "de voir (anonyme, session ou `Authorization: Token <jeton>`). Paramètre inconnu : 400."
    ),
    tags=[TAG],
    parameters=SEARCH_PARAMETERS,
    responses={
        200: SearchResponseSerializer,
        400: INVALID,
        401: UNAUTHORIZED,
        503: UNAVAILABLE,
    },
)

suggest_schema = extend_schema(
    operation_id="search_suggest",
    summary="Suggestions de titres",
    description="Titres visibles par l'appelant commençant ainsi (autocomplétion).",
    tags=[TAG],
    parameters=SUGGEST_PARAMETERS,
    responses={
        200: SuggestResponseSerializer,
        400: INVALID,
        401: UNAUTHORIZED,
        503: UNAVAILABLE,
    },
)
