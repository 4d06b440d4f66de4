"""The JSON of the search API: what the views render, and what drf-spectacular documents.

The views pass ``search.service.SearchResponse`` (and the suggestions) through these classes,
so the OpenAPI description cannot drift from the responses. Rules every answer obeys
(tests/search/test_api_serializers.py, test_api_response.py, test_api_schema.py):

- ``title_html`` and ``snippet`` are HTML: ``search.highlight`` escaped every character of
  the source text and only added ``<mark>`` around matched words, so a front end may insert
  them as HTML. Every other string is plain text;
- dates are in the site's time zone (``TIME_ZONE``), ISO 8601, as DRF renders them elsewhere;
- text that may be missing (``space_name``, ``restricted_label``, ``did_you_mean``) says
  ``null``, never ``""``;
- counts and numeric facet values are JSON integers whatever the database returned (SUM on
  PostgreSQL once gave ``17.0``).
"""

import functools

from django.core.exceptions import ImproperlyConfigured
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from search.models import Kind


# An output-only serializer, rendered without DRF's per-request and per-value machinery.
#
# DRF deep-copies every declared field of every serializer instance on each request, then
# resolves each value through ``Field.get_attribute`` (dotted sources, callables, managers):
# 5 ms and more for a page of 20 results and its facets, ten times the former hand-built
# dicts. Here the fields of each class are bound once per process (``_fields_of``: none of
# them reads the request or the context) and each reads the attribute (or key) of its own
# name, converted by its own ``to_representation``, ``None`` staying ``null``: the same fields,
# the same output (``test_api_serializers.test_the_fast_rendering_is_drf_s_own``).
class ResponseSerializer(serializers.Serializer):
    def to_representation(self, instance):
        read = instance.__getitem__ if isinstance(instance, dict) else instance.__getattribute__
        data = {}
        for name, field in _fields_of(type(self)):
            value = read(name)
            data[name] = None if value is None else field.to_representation(value)
        return data


@functools.cache
def _fields_of(serializer_class):
    """``(name, field)`` of a ``ResponseSerializer`` class, bound once to a prototype."""
    fields = list(serializer_class().fields.items())
    for name, field in fields:
        if field.source != name:
            raise ImproperlyConfigured(f"{serializer_class.__name__}.{name}: source={field.source}")
    return fields


class OptionalTextField(serializers.CharField):
    """Plain text, or ``null`` when there is none (the service says ``""``)."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)

    def to_representation(self, value):
        return str(value) or None


@extend_schema_field({"oneOf": [{"type": "string"}, {"type": "integer"}]})
class FacetValueField(serializers.Field):
    """A slug (kind, theme, territory) or a number (space, year)."""

    def to_representation(self, value):
        return value if isinstance(value, str) else int(value)


# Renders ``search.service.ThreadReplies``.
class ThreadRepliesSerializer(ResponseSerializer):
    count = serializers.IntegerField(help_text="Nombre de réponses qui correspondent.")
    url = serializers.CharField(help_text="Adresse de la première réponse qui correspond.")


# Renders ``search.service.Result``.
class ResultSerializer(ResponseSerializer):
    title = serializers.CharField(help_text="Titre, texte brut.")
    title_html = serializers.CharField(
        help_text="Titre en HTML sûr : tout est échappé, seuls des `<mark>` sont ajoutés."
    )
    url = serializers.CharField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    kind_label = serializers.CharField(help_text="La nature, en français.")
    date = serializers.DateTimeField(allow_null=True, help_text="Dans le fuseau du site.")
    snippet = serializers.CharField(help_text="Extrait en HTML sûr, avec des `<mark>`.")
    space_name = OptionalTextField(help_text="L'espace d'un résultat privé ; null pour un public.")
    restricted_label = OptionalTextField(
        help_text="Badge d'un résultat privé (« Réservé aux membres de l'espace « … » », "
        "« Accès restreint ») ; null pour un résultat public."
    )
    replies = ThreadRepliesSerializer(
        allow_null=True,
        help_text="Réponses du sujet qui correspondent à la recherche (« 3 réponses "
        "correspondent ») ; null pour les autres résultats.",
    )


# Renders ``search.service.FacetCount``.
class FacetCountSerializer(ResponseSerializer):
    value = FacetValueField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


# ``SearchResponse.facets``: one list per facet of ``search.engines.FACETS``.
class FacetsSerializer(ResponseSerializer):
    kind = FacetCountSerializer(many=True)
    theme = FacetCountSerializer(many=True)
    territory = FacetCountSerializer(many=True)
    space = FacetCountSerializer(many=True)
    year = FacetCountSerializer(many=True)


# ``search.service.SearchResponse``: one shape for every engine, degraded or not.
class SearchResponseSerializer(ResponseSerializer):
    query = serializers.CharField(help_text="La requête nettoyée.")
    results = ResultSerializer(many=True)
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    pages = serializers.IntegerField(help_text="Nombre de pages de résultats (0 sans résultat).")
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
    did_you_mean = OptionalTextField(
        help_text="La requête aux mots mal orthographiés corrigés (« Vouliez-vous dire … ? »), "
        "ou null."
    )


# One item of ``search.service.suggest``.
class SuggestionSerializer(ResponseSerializer):
    title = serializers.CharField()
    url = serializers.CharField()
    kind = serializers.ChoiceField(choices=Kind.choices)


# ``{"query": prefix, "suggestions": suggest(...)}``.
class SuggestResponseSerializer(ResponseSerializer):
    query = serializers.CharField()
    suggestions = SuggestionSerializer(many=True)


# ``{"errors": InvalidSearch.errors}`` (400).
class InvalidInputSerializer(ResponseSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages en français par paramètre ; `non_field_errors` pour un paramètre "
        "inconnu.",
    )


# Neither the engine nor the database answered (503).
class UnavailableSerializer(ResponseSerializer):
    degraded = serializers.BooleanField()
    detail = serializers.CharField()
