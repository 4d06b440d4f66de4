"""Shared fixtures. Role fixtures for the extranet live beside the tests that use them."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_storage(settings, tmp_path_factory):
    """Every test writes uploads into its own throw-away directories, never into var/."""
    base = tmp_path_factory.mktemp("storage")
    settings.MEDIA_ROOT = base / "media"
    settings.PRIVATE_MEDIA_ROOT = base / "private"
