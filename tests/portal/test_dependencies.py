"""The lock files: everything the portal runs on is locked for the image, and the image carries
no test tools (runtime in requirements.lock, development tools in requirements-dev.lock)."""

import re
import tomllib

from django.conf import settings

DEV_TOOLS = {"pytest", "pytest-django", "pytest-xdist", "ruff", "playwright", "hypothesis"}


def _name(requirement):
    return re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].strip().lower().replace("_", "-")


def _locked(filename):
    lines = (settings.BASE_DIR / filename).read_text().splitlines()
    return {_name(line) for line in lines if line and line[0].isalnum()}


def _project():
    return tomllib.loads((settings.BASE_DIR / "pyproject.toml").read_text())["project"]


def test_every_runtime_dependency_is_in_the_runtime_lock():
    runtime = _locked("requirements.lock")
    missing = {_name(dep) for dep in _project()["dependencies"]} - runtime
    assert not missing


def test_the_production_processes_are_locked():
    # REDIS_URL switches the cache to Redis: without its client every cached page is a 500.
    assert {"redis", "gunicorn"} <= _locked("requirements.lock")


def test_the_runtime_lock_carries_no_test_tool():
    assert not DEV_TOOLS & _locked("requirements.lock")


def test_the_development_lock_adds_the_dev_extra_on_top_of_the_runtime_lock():
    text = (settings.BASE_DIR / "requirements-dev.lock").read_text()
    assert "-r requirements.lock" in text.splitlines()
    dev = {_name(dep) for dep in _project()["optional-dependencies"]["dev"]}
    assert dev <= _locked("requirements-dev.lock")
    # One version per package: nothing locked twice with possibly different versions.
    assert not _locked("requirements.lock") & _locked("requirements-dev.lock")
