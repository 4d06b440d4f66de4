"""Shared fixtures. Role fixtures for the extranet live beside the tests that use them."""

import pytest


@pytest.fixture(autouse=True)
def _isolated_storage(settings, tmp_path_factory):
    """Every test writes uploads into its own throw-away directories, never into var/."""
    base = tmp_path_factory.mktemp("storage")
    settings.MEDIA_ROOT = base / "media"
    settings.PRIVATE_MEDIA_ROOT = base / "private"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``committed(action, *args)``: run ``action`` and then its on-commit callbacks (the
    tasks it enqueues), as when its transaction commits."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run
