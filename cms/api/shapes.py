"""The JSON shapes of ``/api/v2/``, as JSON Schema: one description for the OpenAPI document
(``cms.api.openapi``) and the TypeScript types (``cms.api.typescript``).

Nothing here is written twice by hand: a page type's schema is derived from its
``api_fields`` (a model field by its Django type, a serialiser field of ``cms.api.fields`` by
its ``schema`` attribute), a body block's from its block type (a struct block from its
children). Only what code computes declares its shape, next to the code: serialiser fields
(``schema``) and blocks whose ``get_api_representation`` is the portal's (``api_schema``).
A field or block whose shape cannot be derived raises ``UndescribedShape``: the contract
tests fail until it is described, instead of the description silently drifting.

Schemas are JSON Schema 2020-12, as OpenAPI 3.1 uses it; ``ref("ApiImage")`` points into the
document's ``components/schemas``. This module must not import ``cms.models`` or the blocks:
both import it.
"""

from django.db import models

REF_PREFIX = "#/components/schemas/"


class UndescribedShape(Exception):
    """A field or block whose JSON shape nobody described."""


def ref(name):
    return {"$ref": REF_PREFIX + name}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def obj(properties, *, required=None, description=None, additional=False):
    """An object whose listed properties are all present (unless ``required`` says which)."""
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else list(required),
        "additionalProperties": additional,
    }
    if description:
        schema["description"] = description
    return schema


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
HTML = {"type": "string", "description": "HTML prêt à afficher (liens internes résolus)."}
URL = {"type": "string", "description": "Adresse (vide quand il n'y en a pas)."}
DATE = {"type": "string", "format": "date"}
DATETIME = {"type": "string", "format": "date-time"}

# The shapes of cms.representations and of the fields of cms.api.fields, by component name.
SHARED = {
    "Rendition": obj({"url": STRING, "full_url": STRING, "width": INTEGER, "height": INTEGER}),
    "ApiImage": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "alt": STRING,
            "width": INTEGER,
            "height": INTEGER,
            "renditions": obj(
                {"card": ref("Rendition"), "thumbnail": ref("Rendition"), "large": ref("Rendition")}
            ),
        },
        description="Une image et ses déclinaisons (card 800×450, thumbnail 400×225, "
        "large 1200 de large).",
    ),
    "ApiDocument": obj(
        {"id": INTEGER, "title": STRING, "url": STRING, "full_url": STRING, "extension": STRING},
        description="Un document public, servi par /documents/<id>/<fichier>.",
    ),
    "LinkedPage": obj(
        {"id": INTEGER, "title": STRING, "type": STRING, "url": nullable(STRING)},
        description="Une page en ligne et publique choisie dans un bloc.",
    ),
    "Term": obj({"id": INTEGER, "name": STRING, "slug": STRING}),
    "Network": obj(
        {
            "id": INTEGER,
            "name": STRING,
            "short_name": STRING,
            "slug": STRING,
            "member_count": nullable(INTEGER),
            "member_count_label": STRING,
        }
    ),
    "PressItem": obj(
        {
            "title": STRING,
            "outlet": STRING,
            "date": nullable(DATE),
            "url": STRING,
            "excerpt": STRING,
            "theme": nullable(ref("Term")),
        }
    ),
    "Contributor": obj({"name": STRING, "role": STRING, "organisation": STRING}),
    "Section": obj({"anchor": STRING, "title": STRING}),
    "PageSummary": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "type": STRING,
            "html_url": nullable(STRING),
            "detail_url": nullable(STRING),
        },
        required=["id", "title", "type", "html_url"],
    ),
    "PanoramaSummary": obj(
        {
            "id": INTEGER,
            "title": STRING,
            "type": STRING,
            "html_url": nullable(STRING),
            "detail_url": nullable(STRING),
            "date": DATE,
        },
        required=["id", "title", "type", "html_url", "date"],
    ),
}


# --- model fields ---------------------------------------------------------------------------

# Checked in order: subclasses before their parents (a URLField is a CharField).
MODEL_FIELD_SCHEMAS = (
    (models.BooleanField, BOOLEAN),
    (models.DateTimeField, DATETIME),
    (models.DateField, DATE),
    (models.IntegerField, INTEGER),  # and its Positive/Small/Big variants
    (models.CharField, STRING),  # and URLField, SlugField, EmailField
    (models.TextField, STRING),
)


def model_field_schema(field):
    """A Django model field as DRF serialises it (``ModelSerializer``'s mapping)."""
    for field_class, schema in MODEL_FIELD_SCHEMAS:
        if isinstance(field, field_class):
            schema = dict(schema)
            if field.choices:
                schema["enum"] = [value for value, _label in field.flatchoices if value != ""]
                if field.blank:
                    schema["enum"].append("")
            return nullable(schema) if field.null else schema
    raise UndescribedShape(f"{field.model.__name__}.{field.name}: {type(field).__name__}")


# --- blocks ---------------------------------------------------------------------------------


def block_schema(block):
    """The API shape of one block's value (see the module docstring)."""
    # Local imports of wagtail's block modules only: the portal's blocks import this module.
    from wagtail import blocks
    from wagtail.contrib.table_block.blocks import TableBlock
    from wagtail.documents.blocks import DocumentChooserBlock
    from wagtail.embeds.blocks import EmbedBlock
    from wagtail.images.blocks import ImageChooserBlock

    declared = getattr(type(block), "api_schema", None)
    if declared is not None:
        return declared
    if _has_own_representation(block):
        raise UndescribedShape(f"{type(block).__name__}: get_api_representation without api_schema")
    if isinstance(block, ImageChooserBlock):
        return nullable(ref("ApiImage"))
    if isinstance(block, DocumentChooserBlock):
        return nullable(ref("ApiDocument"))
    if isinstance(block, blocks.PageChooserBlock):
        return nullable(ref("LinkedPage"))
    if isinstance(block, blocks.RichTextBlock):
        return HTML
    if isinstance(block, TableBlock):
        return TABLE
    if isinstance(block, EmbedBlock):
        return URL
    if isinstance(block, blocks.ChoiceBlock):
        values = [str(value) for value, _label in block.field.choices if value != ""]
        return {"type": "string", "enum": values if block.required else [*values, ""]}
    if isinstance(block, blocks.BooleanBlock):
        return BOOLEAN
    if isinstance(block, blocks.IntegerBlock):
        return nullable(INTEGER) if not block.required else INTEGER
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock, blocks.URLBlock)):
        return STRING
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.StructBlock):
        return obj({name: block_schema(child) for name, child in block.child_blocks.items()})
    raise UndescribedShape(f"{type(block).__name__}: no JSON shape known for this block type")


def _has_own_representation(block):
    """True when a class of the portal (not Wagtail) computes the block's API value."""
    for klass in type(block).__mro__:
        if "get_api_representation" in vars(klass):
            return not klass.__module__.startswith("wagtail.") and klass.__module__ != (
                "cms.blocks.choosers"  # the chooser blocks: their shapes are the shared ones
            )
    return False


TABLE = obj(
    {
        "data": {"type": "array", "items": {"type": "array", "items": nullable(STRING)}},
        "first_row_is_table_header": BOOLEAN,
        "first_col_is_header": BOOLEAN,
        "table_caption": STRING,
    },
    required=["data"],
    additional=True,
    description="Un tableau : lignes de cellules (texte brut), avec ou sans en-têtes.",
)


def stream_components(stream_block, prefix):
    """Components for a StreamBlock: one per child block, ``{type, value, id}``, and the union.

    Returns ``(union name, {component name: schema})``; the union is named ``<prefix>Block``,
    each child ``<prefix><ChildName>`` (``BodyParagraph``, ``ResourceLink``).
    """
    components = {}
    for name, child in stream_block.child_blocks.items():
        component = prefix + "".join(part.title() for part in name.split("_"))
        components[component] = obj(
            {"type": {"const": name}, "value": block_schema(child), "id": STRING},
            description=str(child.meta.description or child.label or name),
        )
    union = f"{prefix}Block"
    components[union] = {"oneOf": [ref(component) for component in components]}
    return union, components
