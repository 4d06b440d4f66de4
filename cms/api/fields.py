"""Serialiser fields of the page types, and the ``APIField`` lists they declare.

Page classes list their fields in ``api_fields`` (Wagtail's convention) using the building
blocks below, so each shape is defined once:

- images: ``cms.representations.image_representation`` (id, title, alt, size and the
  renditions of ``RENDITION_SPECS``), the same shape as images inside bodies;
- documents: ``document_representation`` (serve-view URL), ``null`` when private;
- pages: ``page_representation``, only live and public ones;
- themes and territories: lists of ``{id, name, slug}``;
- StreamFields: prepared by ``cms.api.streams`` then serialised by their blocks.

This module must not import ``cms.models``: the page modules import it.
"""

from rest_framework import serializers
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.utils import get_full_url

from cms.representations import document_representation, image_representation

from . import visibility
from .shapes import nullable, ref
from .streams import prepare_streams


def _request(field):
    return field.context.get("request")


def _all(value):
    """Rows of a relation, whether a real manager or an in-memory (preview) one."""
    return value.all() if hasattr(value, "all") else value


def _with_related(rows, *fields):
    """``rows.select_related(*fields)`` unless the rows are already loaded (prefetched).

    Re-querying prefetched rows would cost a query per item, and for modelcluster child
    relations it would even return every item of the prefetch, not this page's: its
    ``_apply_rel_filters`` does not filter by instance, the prefetch cache alone does.
    """
    if getattr(rows, "_result_cache", None) is not None or not hasattr(rows, "select_related"):
        return rows
    return rows.select_related(*fields)


class ReadOnlyField(Field):
    """Base of the fields below: output only, the API never writes.

    ``schema``: the JSON shape ``to_representation`` returns (``cms.api.shapes``), for the
    OpenAPI document and the TypeScript types; tests check real answers against it.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class ImageField(ReadOnlyField):
    """An image with its renditions; ``null`` when there is none."""

    schema = nullable(ref("ApiImage"))

    def to_representation(self, image):
        return image_representation(image)


class DocumentField(ReadOnlyField):
    """A document linked through the serve view, or ``null`` when it is private."""

    schema = nullable(ref("ApiDocument"))

    def to_representation(self, document):
        if not visibility.for_request(_request(self)).is_public_document(document):
            return None
        return document_representation(document)


class TaxonomyField(ReadOnlyField):
    """Themes or territories as ``[{id, name, slug}]`` (prefetched in listings)."""

    schema = {"type": "array", "items": ref("Term")}

    def to_representation(self, terms):
        return [{"id": term.pk, "name": term.name, "slug": term.slug} for term in _all(terms)]


class NetworkField(ReadOnlyField):
    schema = nullable(ref("Network"))

    def to_representation(self, network):
        return {
            "id": network.pk,
            "name": network.name,
            "short_name": network.short_name,
            "slug": network.slug,
            "member_count": network.member_count,
            "member_count_label": network.member_count_label,
        }


class StreamBodyField(ReadOnlyField):
    """A StreamField, prepared (bulk loads, private links removed) then serialised by blocks.

    All the ``StreamBodyField`` fields of a page (a dossier's body and resources) are prepared
    together, once per request, on the first one read: shared visibility checks and document
    and rendition loads instead of one set per field.
    """

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        request = _request(self)
        prepared = getattr(request, "_cms_api_prepared_pages", None)
        if prepared is None:
            prepared = set()
            if request is not None:
                request._cms_api_prepared_pages = prepared
        if id(instance) not in prepared:
            prepared.add(id(instance))
            prepare_streams(_stream_values(instance), request=request)
        return value

    def to_representation(self, value):
        return value.stream_block.get_api_representation(value, self.context)


def _stream_values(page):
    """The values of the page's API fields serialised by ``StreamBodyField``."""
    return [
        getattr(page, field.name)
        for field in getattr(type(page), "api_fields", ())
        if isinstance(field.serializer, StreamBodyField)
    ]


class PressItemsField(ReadOnlyField):
    """The items of a press panorama, in the editor's order."""

    schema = {"type": "array", "items": ref("PressItem")}

    def to_representation(self, items):
        rows = _with_related(_all(items), "theme")
        return [
            {
                "title": item.title,
                "outlet": item.outlet,
                "date": item.date.isoformat() if item.date else None,
                "url": item.url,
                "excerpt": item.excerpt,
                "theme": (
                    {"id": item.theme.pk, "name": item.theme.name, "slug": item.theme.slug}
                    if item.theme_id
                    else None
                ),
            }
            for item in rows
        ]


class ContributorsField(ReadOnlyField):
    """Speakers or authors of a publication, in the editor's order."""

    schema = {"type": "array", "items": ref("Contributor")}

    def to_representation(self, contributors):
        return [
            {"name": person.name, "role": person.role, "organisation": person.organisation}
            for person in _all(contributors)
        ]


class SectionsField(ReadOnlyField):
    """A dossier's table of contents: ``[{anchor, title}]`` from its h2 headings."""

    schema = {"type": "array", "items": ref("Section")}

    def to_representation(self, sections):
        return [{"anchor": anchor, "title": title} for anchor, title in sections]


def _page_summary(field, page):
    request = _request(field)
    summary = {
        "id": page.pk,
        "title": page.title,
        "type": f"{page._meta.app_label}.{type(page).__name__}",
        "html_url": page.get_full_url(request=request),
    }
    router = field.context.get("router")
    if router is not None and request is not None:
        path = router.get_object_detail_urlpath(type(page), page.pk)
        summary["detail_url"] = get_full_url(request, path) if path else None
    return summary


class PanoramasField(ReadOnlyField):
    """A dossier's press panoramas (live, unexpired and public), latest first."""

    schema = {"type": "array", "items": ref("PanoramaSummary")}

    def get_attribute(self, instance):
        # The request's visibility cache: restrictions are read once for the whole answer.
        return instance.press_panoramas(visibility.for_request(_request(self)))

    def to_representation(self, panoramas):
        return [
            {**_page_summary(self, panorama), "date": panorama.date.isoformat()}
            for panorama in panoramas
        ]


class FeaturedDossiersField(ReadOnlyField):
    """The dossiers featured on the home page, in order, if live and public."""

    schema = {"type": "array", "items": ref("PageSummary")}

    def to_representation(self, featured):
        items = list(_with_related(_all(featured), "dossier"))
        visible = visibility.for_request(_request(self)).visible_page_ids(
            item.dossier_id for item in items
        )
        return [_page_summary(self, item.dossier) for item in items if item.dossier_id in visible]


# --- what page classes put in ``api_fields`` ------------------------------------------------

LISTING_API_FIELDS = [APIField("intro"), APIField("image", serializer=ImageField())]
TAXONOMY_API_FIELDS = [
    APIField("themes", serializer=TaxonomyField()),
    APIField("territories", serializer=TaxonomyField()),
]
BODY_API_FIELD = APIField("body", serializer=StreamBodyField())


def choice_label_field(name):
    """``<name>_label``: the human label of a choice field (``"Conf'At"`` for ``confat``)."""
    return APIField(f"{name}_label", serializer=serializers.CharField(source=f"get_{name}_display"))


# Fields too heavy for listings: asked for in a listing, they answer 400 (see endpoints).
DETAIL_ONLY_FIELDS = ("body", "resources", "press_panoramas", "featured_dossiers")
