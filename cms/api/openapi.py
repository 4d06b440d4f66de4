"""The OpenAPI 3.1 description of ``/api/v2/``, served at ``/api/v2/schema/``.

drf-spectacular describes the extranet and search APIs (``/api/schema/``) from their
serialisers; it cannot describe Wagtail's API, whose fields depend on the page type asked
for. This document is built from what the endpoints really use instead, so it follows the
code: the page types' ``api_fields`` (``cms.api.shapes``), the body blocks, the endpoints'
accepted query parameters and the portal's filters. tests/cms/test_api_contract.py validates
it and checks real answers against it; ``manage.py api_types`` turns its schemas into
TypeScript.
"""

import functools
import json

from django.core.exceptions import FieldDoesNotExist
from django.db.models import ManyToManyField
from django.db.models.fields.reverse_related import ForeignObjectRel
from django.http import HttpResponse
from rest_framework import serializers
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

from .endpoints import PagesEndpoint
from .fields import StreamBodyField
from .shapes import (
    BOOLEAN,
    DATETIME,
    INTEGER,
    SHARED,
    STRING,
    UndescribedShape,
    model_field_schema,
    nullable,
    obj,
    ref,
    stream_components,
)

ERROR = obj({"message": STRING}, description="Une erreur, en clair.")

PAGE_META = obj(
    {
        "type": STRING,
        "detail_url": STRING,
        "html_url": nullable(STRING),
        "slug": STRING,
        "show_in_menus": BOOLEAN,
        "seo_title": STRING,
        "search_description": STRING,
        "first_published_at": nullable(DATETIME),
        "alias_of": nullable(obj({"id": INTEGER, "meta": obj({}, required=[], additional=True)})),
        "parent": nullable(ref("ParentPage")),
        "locale": STRING,
    },
    required=["type", "html_url", "slug", "first_published_at"],
    description="Les métadonnées d'une page ; detail_url manque pour une page en cours de "
    "création (aperçu), parent pour un élément de liste.",
)
PARENT_PAGE = obj(
    {
        "id": INTEGER,
        "meta": obj({"type": STRING, "detail_url": STRING, "html_url": nullable(STRING)}),
        "title": STRING,
    }
)
MEDIA_META = obj(
    {
        "type": STRING,
        "detail_url": STRING,
        "tags": {"type": "array", "items": STRING},
        "download_url": STRING,
    },
    required=["type", "detail_url"],
)
IMAGE_ITEM = obj(
    {
        "id": INTEGER,
        "meta": ref("MediaMeta"),
        "title": STRING,
        "width": INTEGER,
        "height": INTEGER,
        "alt": STRING,
        "renditions": SHARED["ApiImage"]["properties"]["renditions"],
    },
    required=["id", "meta"],
)
REDIRECT_ITEM = obj(
    {
        "id": INTEGER,
        "meta": obj({"type": STRING, "detail_url": STRING}),
        "old_path": STRING,
        "location": STRING,
        "is_permanent": BOOLEAN,
    },
    required=["id", "meta"],
    description="Une redirection : old_path (chemin, sans domaine) vers location (chemin "
    "d'une page publique du site ou adresse externe).",
)
DOCUMENT_ITEM = obj({"id": INTEGER, "meta": ref("MediaMeta"), "title": STRING}, required=["id"])


def listing(item_schema, description):
    return obj(
        {
            "meta": obj({"total_count": INTEGER}),
            "items": {"type": "array", "items": item_schema},
        },
        description=description,
    )


def portal_page_types():
    """The page types of the portal that the API shows, in a stable order."""
    return sorted(
        (
            model
            for model in get_page_models()
            if model is not Page and model._meta.app_label == "cms"
        ),
        key=lambda model: model.__name__,
    )


def _stream_prefix(stream_block):
    return type(stream_block).__name__.removesuffix("StreamBlock")


def api_field_schema(model, api_field, components):
    """The schema of one of ``model``'s ``api_fields``; adds stream block components."""
    serializer = api_field.serializer
    if isinstance(serializer, StreamBodyField):
        stream_block = model._meta.get_field(api_field.name).stream_block
        union, blocks = stream_components(stream_block, _stream_prefix(stream_block))
        components.update(blocks)
        return {"type": "array", "items": ref(union)}
    if serializer is not None:
        schema = getattr(serializer, "schema", None)
        if schema is not None:
            return schema
        if isinstance(serializer, serializers.CharField):
            return STRING
        raise UndescribedShape(f"{model.__name__}.{api_field.name}: {type(serializer).__name__}")
    try:
        field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        raise UndescribedShape(
            f"{model.__name__}.{api_field.name}: not a model field, give it a serializer"
        ) from None
    return model_field_schema(field)


def page_type_schema(model, components):
    properties = {"id": nullable(INTEGER), "meta": ref("PageMeta"), "title": STRING}
    for api_field in getattr(model, "api_fields", ()):
        properties[api_field.name] = api_field_schema(model, api_field, components)
    return obj(
        properties,
        description=f"{model._meta.verbose_name} ({model._meta.label}) : le détail "
        f"/api/v2/pages/<id>/ ; un élément de liste n'a qu'une partie de ces champs.",
    )


def components():
    schemas = {
        **SHARED,
        "ApiError": ERROR,
        "PageMeta": PAGE_META,
        "ParentPage": PARENT_PAGE,
        "MediaMeta": MEDIA_META,
        "ImageItem": IMAGE_ITEM,
        "DocumentItem": DOCUMENT_ITEM,
        "RedirectItem": REDIRECT_ITEM,
    }
    types = portal_page_types()
    for model in types:
        schemas[model.__name__] = page_type_schema(model, schemas)
    schemas["PageDetail"] = {"oneOf": [ref(model.__name__) for model in types]}
    schemas["PageListingItem"] = obj(
        {"id": INTEGER, "meta": ref("PageMeta"), "title": STRING},
        required=["id", "meta", "title"],
        additional=True,
        description="Un élément de /api/v2/pages/ : id, meta et title ; avec type=<un type>, "
        "le résumé du type (intro, image, date, thèmes…) et les champs demandés par fields=, "
        "de la forme qu'ils ont dans le détail du type.",
    )
    schemas["PageListing"] = listing(ref("PageListingItem"), "Une page de résultats.")
    schemas["ImageListing"] = listing(ref("ImageItem"), "Une page d'images.")
    schemas["DocumentListing"] = listing(ref("DocumentItem"), "Une page de documents.")
    schemas["RedirectListing"] = listing(ref("RedirectItem"), "Une page de redirections.")
    return schemas


# --- parameters -----------------------------------------------------------------------------


def _query(name, description, schema=STRING, required=False):
    return {
        "name": name,
        "in": "query",
        "required": required,
        "description": description,
        "schema": schema,
    }


PAGINATION = [
    _query("limit", "Nombre d'éléments (20 par défaut, 50 au plus).", INTEGER),
    _query("offset", "Éléments à sauter.", INTEGER),
    _query(
        "fields",
        "Champs à montrer en plus (fields=date,themes), en moins (fields=-intro) ou seuls "
        "(fields=_,title). body, resources, press_panoramas, featured_dossiers : détail seulement.",
    ),
    _query("order", "Tri : order=-date, order=title,-date, order=random."),
]
PAGE_FILTERS = [
    _query("type", "Type(s) de page : cms.NewsPage ou cms.NewsPage,cms.BriefPage."),
    _query("theme", "Slug d'une thématique ; ses sous-thématiques comprises."),
    _query("territory", "Slug d'un territoire ; ceux qu'il contient compris."),
    _query("year", "Année de la date (d'un évènement : son début).", INTEGER),
    _query(
        "date_from", "Depuis ce jour inclus (AAAA-MM-JJ).", {"type": "string", "format": "date"}
    ),
    _query("date_to", "Jusqu'à ce jour inclus (AAAA-MM-JJ).", {"type": "string", "format": "date"}),
    _query(
        "upcoming",
        "Évènements à venir (true, les plus proches d'abord) ou passés (false) ; avec "
        "type=cms.EventPage.",
        BOOLEAN,
    ),
    _query("child_of", "Enfants de la page <id>.", INTEGER),
    _query("descendant_of", "Descendants de la page <id>.", INTEGER),
    _query("ancestor_of", "Ancêtres de la page <id> (fil d'Ariane).", INTEGER),
    _query("site", "Nom d'hôte d'un autre site que celui de la requête."),
    _query("locale", "Code de langue (fr)."),
    _query("translation_of", "Traductions de la page <id>.", INTEGER),
]
# Wagtail's parameters the portal refuses or that change nothing in an answer.
UNDESCRIBED_PARAMETERS = {"search", "search_operator", "rich_text_format", "_", "format"}


def field_filter_parameters():
    """Wagtail's field filters (``?kind=confat``): the database fields of each type's API."""
    types_by_name = {}
    for model in [Page, *portal_page_types()]:
        for name in PagesEndpoint.get_available_fields(model, db_fields_only=True):
            field = model._meta.get_field(name) if name != "id" else None
            if field is not None and (
                isinstance(field, (StreamField, ManyToManyField, ForeignObjectRel))
                or name == "locale"
            ):
                continue
            types_by_name.setdefault(name, []).append(model)
    parameters = []
    for name, models in sorted(types_by_name.items()):
        if Page in models:
            where, models = "toutes les pages", [Page]
        else:
            where = "avec type=" + " ou ".join(model._meta.label for model in models)
        field = None if name == "id" else models[0]._meta.get_field(name)
        # A foreign key is filtered by the id of what it points to.
        schema = INTEGER if field is None or field.many_to_one else model_field_schema(field)
        parameters.append(_query(name, f"Filtre sur le champ {name} ({where}).", schema))
    return parameters


# --- the document ---------------------------------------------------------------------------


def _json(name, description):
    return {"description": description, "content": {"application/json": {"schema": ref(name)}}}


BAD_REQUEST = _json("ApiError", "Paramètre refusé (en français pour les filtres du portail).")
NOT_FOUND = _json("ApiError", "Absent, brouillon, expiré ou privé.")
ID = {"name": "id", "in": "path", "required": True, "schema": INTEGER}


def _get(summary, parameters, responses):
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


def document():
    """The OpenAPI document, as a dict (JSON-ready)."""
    page_parameters = PAGINATION + PAGE_FILTERS + field_filter_parameters()
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "API de contenu du portail Ressources & Territoires",
            "version": "2",
            "description": (
                "Le contenu public du site, pour un front découplé (docs/api.md). Anonyme : "
                "la même réponse pour tout le monde ; une page privée, un brouillon ou un "
                "document d'une collection restreinte n'existent pas ici (404)."
            ),
        },
        "paths": {
            "/api/v2/pages/": _get(
                "Pages en ligne et publiques du site",
                page_parameters,
                {"200": _json("PageListing", "Une page de résultats."), "400": BAD_REQUEST},
            ),
            "/api/v2/pages/{id}/": _get(
                "Le détail d'une page, avec tous les champs de son type",
                [ID, _query("fields", PAGINATION[2]["description"])],
                {"200": _json("PageDetail", "La page."), "400": BAD_REQUEST, "404": NOT_FOUND},
            ),
            "/api/v2/pages/find/": _get(
                "Trouver une page par son chemin",
                [_query("html_path", "Chemin de la page (/actualites/x/).", required=True)],
                {
                    "302": {"description": "Vers /api/v2/pages/<id>/."},
                    "400": BAD_REQUEST,
                    "404": NOT_FOUND,
                },
            ),
            "/api/v2/page_preview/": _get(
                "Le brouillon d'une page, pour l'aperçu dans le front",
                [
                    _query("content_type", "Celui du lien d'aperçu (cms.newspage).", required=True),
                    _query("token", "Le jeton du lien d'aperçu.", required=True),
                ],
                {
                    "200": _json("PageDetail", "Le brouillon (id null à la création)."),
                    "400": BAD_REQUEST,
                    "403": _json("ApiError", "Lien d'aperçu expiré."),
                    "404": NOT_FOUND,
                },
            ),
            "/api/v2/images/": _get(
                "Images de la médiathèque (toutes publiques)",
                PAGINATION,
                {"200": _json("ImageListing", "Une page d'images."), "400": BAD_REQUEST},
            ),
            "/api/v2/images/{id}/": _get(
                "Une image et ses déclinaisons",
                [ID],
                {"200": _json("ImageItem", "L'image."), "404": NOT_FOUND},
            ),
            "/api/v2/documents/": _get(
                "Documents hors des collections restreintes",
                PAGINATION,
                {"200": _json("DocumentListing", "Une page de documents."), "400": BAD_REQUEST},
            ),
            "/api/v2/documents/{id}/": _get(
                "Un document",
                [ID],
                {"200": _json("DocumentItem", "Le document."), "404": NOT_FOUND},
            ),
            "/api/v2/redirects/": _get(
                "Redirections vers une page publique ou une adresse externe",
                PAGINATION[:2] + [PAGINATION[3]],
                {"200": _json("RedirectListing", "Une page de redirections."), "400": BAD_REQUEST},
            ),
            "/api/v2/redirects/{id}/": _get(
                "Une redirection",
                [ID],
                {"200": _json("RedirectItem", "La redirection."), "404": NOT_FOUND},
            ),
            "/api/v2/redirects/find/": _get(
                "La redirection d'un ancien chemin (à demander quand aucune page n'y répond)",
                [_query("html_path", "L'ancien chemin (/ancienne-adresse/).", required=True)],
                {
                    "302": {"description": "Vers /api/v2/redirects/<id>/."},
                    "404": NOT_FOUND,
                },
            ),
        },
        "components": {"schemas": components()},
    }


@functools.cache
def _document_json():
    # Built from code only (page types, blocks, endpoints): the same for the process's life.
    return json.dumps(document(), ensure_ascii=False)


def schema_view(request):
    """``GET /api/v2/schema/``: the document, public like the API it describes."""
    return HttpResponse(_document_json(), content_type="application/vnd.oai.openapi+json")
