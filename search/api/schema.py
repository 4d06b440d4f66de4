"""OpenAPI description of the search API (drf-spectacular): parameters and response shapes.

The serializers here only *describe* the JSON ``search.api.representation`` builds (the views
render plain dicts); ``tests/search/test_api_schema.py`` checks the description against real
responses, so the two cannot drift apart unnoticed. The URL patterns to describe are
``search.urls.api_urlpatterns``.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers

from search.forms import DEFAULT_PAGE_SIZE, MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH
from search.models import Kind

from .parameters import DEFAULT_LIMIT, MAX_LIMIT, MAX_PREFIX_LENGTH

TAG = "recherche"


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "integer"}]})
class FacetValueField(serializers.Field):
    """A slug (kind, theme, territory) or a number (space, year)."""


class ResultSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="Titre, texte brut.")
    title_html = serializers.CharField(
        help_text="Titre en HTML sûr : tout est échappé, seuls des `<mark>` sont ajoutés."
    )
    url = serializers.CharField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    kind_label = serializers.CharField(help_text="La nature, en français.")
    date = serializers.DateTimeField(allow_null=True, help_text="Dans le fuseau du site.")
    snippet = serializers.CharField(help_text="Extrait en HTML sûr, avec des `<mark>`.")
    space_name = serializers.CharField(
        allow_null=True, help_text="L'espace d'un résultat privé ; null pour un public."
    )
    restricted_label = serializers.CharField(
        allow_null=True,
        help_text="Badge d'un résultat privé (« Réservé aux membres de l'espace « … » », "
        "« Accès restreint ») ; null pour un résultat public.",
    )


class FacetCountSerializer(serializers.Serializer):
    value = FacetValueField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetsSerializer(serializers.Serializer):
    kind = FacetCountSerializer(many=True)
    theme = FacetCountSerializer(many=True)
    territory = FacetCountSerializer(many=True)
    space = FacetCountSerializer(many=True)
    year = FacetCountSerializer(many=True)


class SearchResponseSerializer(serializers.Serializer):
    query = serializers.CharField(help_text="La requête nettoyée.")
    results = ResultSerializer(many=True)
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    pages = serializers.IntegerField()
    sort = serializers.ChoiceField(choices=["relevance", "date"])
    facets = FacetsSerializer(help_text="Chaque facette compte sans son propre filtre.")
    degraded = serializers.BooleanField(
        help_text="Vrai quand le moteur est indisponible et que la base a répondu."
    )
    truncated = serializers.BooleanField(help_text="Vrai quand la requête a été tronquée.")
    approximate = serializers.BooleanField(
        help_text="Vrai quand aucun résultat ne contient tous les mots : les plus proches "
        "(« Résultats approchants »), éventuellement ceux de la requête corrigée."
    )
    did_you_mean = serializers.CharField(
        allow_null=True,
        help_text="La requête aux mots mal orthographiés corrigés (« Vouliez-vous dire … ? »), "
        "ou null.",
    )


class SuggestionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField()
    kind = serializers.ChoiceField(choices=Kind.choices)


class SuggestResponseSerializer(serializers.Serializer):
    query = serializers.CharField()
    suggestions = SuggestionSerializer(many=True)


class InvalidInputSerializer(serializers.Serializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages en français par paramètre ; `non_field_errors` pour un paramètre "
        "inconnu.",
    )


class UnavailableSerializer(serializers.Serializer):
    degraded = serializers.BooleanField()
    detail = serializers.CharField()


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
