"""The OpenAPI schema at /api/schema/: rendered by drf-spectacular without warnings, and
describing the extranet API's main paths."""

import pytest
import yaml
from django.contrib.staticfiles import finders
from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.settings import patched_settings
from drf_spectacular.validation import validate_schema
from rest_framework.test import APIClient

from extranet.api.schema import DESCRIBED_PATTERNS, ExtranetSchemaView

MAIN_PATHS = [
    "/api/extranet/auth/token/",
    "/api/extranet/spaces/",
    "/api/extranet/spaces/{space_slug}/",
    "/api/extranet/spaces/{space_slug}/topics/",
    "/api/extranet/spaces/{space_slug}/topics/{id}/pin/",
    "/api/extranet/spaces/{space_slug}/topics/{topic_pk}/posts/",
    "/api/extranet/spaces/{space_slug}/posts/{id}/",
    "/api/extranet/spaces/{space_slug}/posts/{id}/hide/",
    "/api/extranet/spaces/{space_slug}/documents/",
    "/api/extranet/spaces/{space_slug}/documents/{id}/download/",
    "/api/extranet/spaces/{space_slug}/folders/",
    "/api/extranet/spaces/{space_slug}/folders/{id}/",
    "/api/extranet/spaces/{space_slug}/meetings/",
    "/api/extranet/spaces/{space_slug}/meetings/{id}/registration/",
    "/api/extranet/spaces/{space_slug}/memberships/",
    "/api/extranet/spaces/{space_slug}/invitations/",
    "/api/extranet/spaces/{space_slug}/notification-settings/",
]


@pytest.fixture
def schema(db):
    response = APIClient().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi")
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_renders_and_lists_the_main_paths(schema):
    assert schema["openapi"].startswith("3.")
    assert (
        schema["info"]["title"] == "API de l'extranet et de la recherche Ressources & Territoires"
    )
    assert set(MAIN_PATHS) <= set(schema["paths"])


def test_schema_describes_the_extranet_and_search_apis_but_not_the_cms_api(schema):
    assert all(path.startswith(("/api/extranet/", "/api/search/")) for path in schema["paths"])
    assert "/api/extranet/spaces/" in schema["paths"]
    assert "/api/search/" in schema["paths"]


def test_schema_is_valid_openapi(schema):
    validate_schema(schema)


def test_schema_is_also_served_as_json(db):
    response = APIClient().get("/api/schema/?format=json")
    assert response.status_code == 200
    assert "/api/extranet/spaces/" in response.json()["paths"]


def test_schema_documents_token_and_session_authentication(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["tokenAuth"]["type"] == "apiKey"
    assert "cookieAuth" in schemes
    spaces = schema["paths"]["/api/extranet/spaces/"]["get"]
    assert {"tokenAuth": []} in spaces["security"]
    # Obtaining a token needs no authentication (spectacular omits the requirement).
    assert "security" not in schema["paths"]["/api/extranet/auth/token/"]["post"]


def test_upload_is_described_as_multipart(schema):
    post = schema["paths"]["/api/extranet/spaces/{space_slug}/documents/"]["post"]
    assert list(post["requestBody"]["content"]) == ["multipart/form-data"]


def test_folder_endpoints_say_what_deleting_and_filtering_do(schema):
    folders = schema["paths"]["/api/extranet/spaces/{space_slug}/folders/{id}/"]
    assert {"get", "patch", "delete"} <= set(folders)
    assert "put" not in folders
    assert "reviennent à la racine" in folders["delete"]["description"]
    patch = folders["patch"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][patch.rpartition("/")[2]]["properties"]
    assert fields["parent"]["nullable"] is True
    documents = schema["paths"]["/api/extranet/spaces/{space_slug}/documents/"]["get"]
    folder = next(p for p in documents["parameters"] if p["name"] == "folder")
    assert "root" in folder["description"]


def test_generating_the_schema_raises_no_warning(db):
    GENERATOR_STATS.reset()
    with patched_settings(ExtranetSchemaView.custom_settings):
        SchemaGenerator(patterns=DESCRIBED_PATTERNS).get_schema(request=None, public=True)
    assert not GENERATOR_STATS._warn_cache
    assert not GENERATOR_STATS._error_cache


def test_swagger_ui_loads_its_assets_locally(db):
    response = APIClient().get("/api/schema/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in page
    assert "/api/schema/" in page
    assert "cdn" not in page.lower()
    assert "https://" not in page and "http://" not in page
    assert finders.find("drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
