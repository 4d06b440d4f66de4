"""The OpenAPI description of /api/v2/ (cms.api.openapi): valid, served, complete, and true:
real answers — a page with every body block, the whole demo site, listings, images,
documents, errors — are checked against it with JSON Schema."""

import json

import jsonschema
import pytest
from django.db import transaction
from django.test import override_settings
from drf_spectacular.validation import validate_schema
from wagtail import blocks
from wagtail.models import Page

from cms.api.endpoints import PagesEndpoint
from cms.api.openapi import UNDESCRIBED_PARAMETERS, document, portal_page_types
from cms.api.shapes import UndescribedShape, block_schema
from cms.blocks import BodyStreamBlock, ResourcesStreamBlock
from cms.demo.seed import seed_cms
from tests.factories import cms as factories


@pytest.fixture(scope="module")
def openapi():
    return document()


def validator(openapi, component):
    schema = {"$ref": f"#/components/schemas/{component}", "components": openapi["components"]}
    return jsonschema.Draft202012Validator(schema)


def assert_matches(openapi, component, answer):
    errors = sorted(validator(openapi, component).iter_errors(answer), key=str)
    assert not errors, f"{component}: " + "; ".join(
        f"{list(error.absolute_path)}: {error.message}" for error in errors[:5]
    )


def assert_item_matches_its_type(openapi, item):
    """A listing item has part of its type's fields, each of the detail's shape."""
    assert_matches(openapi, "PageListingItem", item)
    type_schema = openapi["components"]["schemas"][item["meta"]["type"].split(".")[1]]
    partial = {**type_schema, "required": ["id", "meta", "title"]}
    schema = {**partial, "components": openapi["components"]}
    meta = {key: value for key, value in item.items() if key != "meta"}
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors({**meta, "meta": {}}))
    # meta of a listing item is checked by PageListingItem above; only the fields here.
    errors = [error for error in errors if list(error.absolute_path)[:1] != ["meta"]]
    assert not errors, [error.message for error in errors[:5]]


# --- the document --------------------------------------------------------------------------


def test_the_description_is_valid_openapi_3_1(openapi):
    assert openapi["openapi"] == "3.1.0"
    validate_schema(openapi)


def test_the_description_is_served_to_anyone_at_api_v2_schema(client, db):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    assert json.loads(response.content) == json.loads(json.dumps(document()))


def test_every_page_type_of_the_portal_has_its_schema(openapi):
    schemas = openapi["components"]["schemas"]
    for model in portal_page_types():
        described = set(schemas[model.__name__]["properties"])
        assert {field.name for field in model.api_fields} <= described, model


def test_every_query_parameter_the_pages_endpoint_accepts_is_described(openapi):
    described = {
        parameter["name"] for parameter in openapi["paths"]["/api/v2/pages/"]["get"]["parameters"]
    }
    assert set(PagesEndpoint.known_query_parameters) - UNDESCRIBED_PARAMETERS <= described
    # Wagtail's field filters: every database field of a type's API.
    assert {"kind", "number", "date", "start", "show_in_menus", "slug"} <= described


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("page_type", "name", "value"),
    [
        ("cms.PublicationPage", "kind", "confat"),
        ("cms.PublicationPage", "number", "24"),
        ("cms.NewsPage", "date", "2023-05-18"),
        ("cms.EventPage", "is_online", "true"),
        ("wagtailcore.Page", "show_in_menus", "true"),
    ],
)
def test_the_described_field_filters_are_accepted(client, openapi, page_type, name, value):
    parameters = openapi["paths"]["/api/v2/pages/"]["get"]["parameters"]
    assert name in {parameter["name"] for parameter in parameters}
    response = client.get(f"/api/v2/pages/?type={page_type}&{name}={value}")
    assert response.status_code == 200, response.content


@pytest.mark.parametrize("stream", [BodyStreamBlock(), ResourcesStreamBlock()])
def test_every_block_of_the_streams_has_a_shape(stream):
    for child in stream.child_blocks.values():
        assert block_schema(child)


def test_a_block_computing_its_own_api_value_without_a_shape_is_refused():
    class Undescribed(blocks.StructBlock):
        text = blocks.CharBlock()

        def get_api_representation(self, value, context=None):
            return {"whatever": 1}

    with pytest.raises(UndescribedShape):
        block_schema(Undescribed())


# --- real answers --------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_page_with_every_body_block_matches_its_schema(client, openapi, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path, PRIVATE_MEDIA_ROOT=tmp_path / "private"):
        tree = factories.make_site_tree()
        image = factories.make_image()
        document_ = factories.make_document(filename="guide.pdf")
        private = factories.make_document(collection=factories.make_private_collection())
        brief = factories.make_brief(tree.blog_index, title="Brève liée")
        body = [
            ("paragraph", f'<p><a linktype="page" id="{brief.pk}">Lien</a></p>'),
            ("heading", {"text": "Une section", "level": "h2"}),
            ("quote", {"quote": "Ensemble.", "attribution": ""}),
            (
                "table",
                {
                    "data": [["Réseau", "Membres"], ["VRL", None]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Réseaux",
                },
            ),
            ("image", {"image": image, "alt_text": "", "caption": "", "credit": ""}),
            ("embed", {"url": "https://www.youtube.com/watch?v=abc", "title": "", "caption": ""}),
            ("document", {"document": document_, "label": ""}),
            ("document", {"document": private, "label": "Réservé"}),
            ("accordion", {"title": "", "items": [{"title": "Q", "content": "<p>R</p>"}]}),
            ("call_to_action", {"label": "Lire", "page": brief, "url": ""}),
            ("call_to_action", {"label": "Ailleurs", "page": None, "url": "https://example.org"}),
            ("key_figures", {"title": "", "figures": [{"figure": "29", "label": "jours"}]}),
            ("testimonial", {"quote": "Merci.", "name": "Camille", "role": "", "organisation": ""}),
            ("related_pages", {"title": "À lire", "pages": [brief]}),
        ]
        assert {name for name, _value in body} == set(BodyStreamBlock().child_blocks)
        news = factories.make_news(tree.news_index, body=body)

        answer = client.get(f"/api/v2/pages/{news.pk}/").json()

    assert_matches(openapi, "NewsPage", answer)
    assert_matches(openapi, "PageDetail", answer)
    assert [block["type"] for block in answer["body"]] == [name for name, _value in body]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo site (seed_demo's content), seeded once for the module and rolled back."""
    storage = {
        "MEDIA_ROOT": tmp_path_factory.mktemp("contract-media"),
        "PRIVATE_MEDIA_ROOT": tmp_path_factory.mktemp("contract-private"),
    }
    with django_db_blocker.unblock(), override_settings(**storage), transaction.atomic():
        seed_cms()
        yield storage
        transaction.set_rollback(True)


@pytest.fixture
def demo(seeded, settings):
    """The demo site, with its files: each test otherwise gets empty storage of its own."""
    for name, value in seeded.items():
        setattr(settings, name, value)


@pytest.mark.django_db
def test_every_page_of_the_demo_matches_the_schema_of_its_type(demo, client, openapi):
    pages = Page.objects.live().filter(depth__gt=1).specific()
    seen_types = set()
    for page in pages:
        answer = client.get(f"/api/v2/pages/{page.pk}/").json()
        assert_matches(openapi, type(page).__name__, answer)
        seen_types.add(type(page))
    assert seen_types == set(portal_page_types())


@pytest.mark.django_db
@pytest.mark.parametrize("model", portal_page_types(), ids=lambda model: model.__name__)
def test_typed_listings_of_the_demo_match_the_schema(demo, client, openapi, model):
    answer = client.get(f"/api/v2/pages/?type={model._meta.label}&limit=50").json()
    assert_matches(openapi, "PageListing", answer)
    assert answer["items"]
    for item in answer["items"]:
        assert_item_matches_its_type(openapi, item)


@pytest.mark.django_db
def test_a_listing_of_every_type_matches_the_schema(demo, client, openapi):
    answer = client.get("/api/v2/pages/?limit=50&fields=show_in_menus,locale").json()
    assert_matches(openapi, "PageListing", answer)


@pytest.mark.django_db
@pytest.mark.parametrize(("endpoint", "item"), [("images", "Image"), ("documents", "Document")])
def test_images_and_documents_of_the_demo_match_the_schema(demo, client, openapi, endpoint, item):
    answer = client.get(f"/api/v2/{endpoint}/?limit=50").json()
    assert_matches(openapi, f"{item}Listing", answer)
    assert answer["items"]
    detail = client.get(f"/api/v2/{endpoint}/{answer['items'][0]['id']}/").json()
    assert_matches(openapi, f"{item}Item", detail)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v2/pages/?theme=inconnue", 400),
        ("/api/v2/pages/?limit=500", 400),
        ("/api/v2/pages/999999/", 404),
        ("/api/v2/documents/999999/", 404),
    ],
)
def test_errors_match_the_error_schema(client, openapi, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert_matches(openapi, "ApiError", response.json())
    assert (
        str(status)
        in openapi["paths"][url.split("?")[0].replace("999999", "{id}")]["get"]["responses"]
    )
