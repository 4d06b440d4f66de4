"""CORS: the front end's origins (CORS_ALLOWED_ORIGINS, from the environment) may call the API
from a browser; other origins, and non-API URLs, get no CORS header."""

import pytest

pytestmark = pytest.mark.django_db

FRONT = "https://front.example.org"


@pytest.fixture(autouse=True)
def front_origin(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT]


def test_allowed_origin_gets_the_cors_header(client, tree):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=FRONT)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT


def test_other_origin_gets_no_cors_header(client, tree):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example.com")

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_preflight_from_allowed_origin_is_accepted(client, tree):
    response = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN=FRONT,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT


def test_non_api_urls_get_no_cors_header(client, tree):
    response = client.get(tree.news_index.url, HTTP_ORIGIN=FRONT)

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_error_answers_carry_the_header_too(client, tree):
    response = client.get("/api/v2/pages/", {"limit": "500"}, HTTP_ORIGIN=FRONT)

    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == FRONT
