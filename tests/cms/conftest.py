"""Fixtures of the cms tests: a published site tree and a few taxonomies."""

import pytest

from tests.factories.cms import make_site_tree, make_territory, make_theme


@pytest.fixture
def tree(db):
    return make_site_tree()


@pytest.fixture
def education(db):
    return make_theme("Éducation", slug="education")


@pytest.fixture
def occitanie(db):
    return make_territory("Occitanie", slug="occitanie", level="region", code="76")


@pytest.fixture
def haute_garonne(occitanie):
    return make_territory(
        "Haute-Garonne", slug="haute-garonne", level="departement", code="31", parent=occitanie
    )


@pytest.fixture(autouse=True)
def empty_api_cache():
    """Each test starts with an empty cache: the API's response cache (cms.api.cache) lives in
    the process's local-memory cache, which outlives a test's rolled-back transaction."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
