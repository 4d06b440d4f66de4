"""The image and compose stack, checked by reading them (no Docker engine on these machines;
bin/prodcheck runs the same processes without containers)."""

import fnmatch
import re

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

DOCKER = settings.BASE_DIR / "docker"


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((DOCKER / "compose.yaml").read_text())


def entrypoint_processes():
    text = (DOCKER / "entrypoint.sh").read_text()
    return set(re.findall(r"^    (\w+)\)$", text, re.MULTILINE))


def test_every_service_restarts_and_has_a_healthcheck(compose):
    for name, service in compose["services"].items():
        assert service.get("restart") == "unless-stopped", name
        assert "healthcheck" in service, name


def test_the_portal_processes_are_web_worker_mailer_and_scheduler(compose):
    commands = {
        name: service["command"][0]
        for name, service in compose["services"].items()
        if service.get("image") == "rt-portal:latest"
    }
    assert commands == {
        "web": "web",
        "worker": "worker",
        "mailer": "mailer",
        "scheduler": "scheduler",
    }
    assert set(commands.values()) <= entrypoint_processes()


def test_the_entrypoint_runs_commands_that_exist():
    text = (DOCKER / "entrypoint.sh").read_text()
    # Commands the script runs (its comments quote others for the operator).
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    used = set(re.findall(r"manage\.py (\w+)", code))
    assert used == {"migrate", "configure_site", "run_worker", "run_scheduler"}
    assert used <= set(get_commands())


def test_the_web_healthcheck_calls_the_liveness_endpoint(compose):
    assert "/healthz" in " ".join(compose["services"]["web"]["healthcheck"]["test"])


def test_settings_come_from_one_env_file(compose):
    for name in ("web", "worker", "mailer", "scheduler", "db"):
        assert compose["services"][name]["env_file"] == [".env"], name


def test_the_env_file_example_sets_what_production_needs():
    example = (DOCKER / "env.example").read_text()
    names = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    assert {
        "SECRET_KEY",
        "SITE_URL",
        "WAGTAILADMIN_BASE_URL",
        "WAGTAILAPI_BASE_URL",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "ELASTICSEARCH_URL",
        "EMAIL_HOST",
        "EMAIL_TIMEOUT",
        "TRUSTED_PROXY_COUNT",
        "SENTRY_DSN",
        "ADMINS",
    } <= names


def test_private_files_and_public_media_are_separate_volumes(compose):
    volumes = compose["x-portal"]["volumes"]
    assert "media:/srv/var/media" in volumes
    assert "private:/srv/var/private" in volumes


def test_static_files_are_built_into_the_image_not_a_volume(compose):
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert "STATIC_ROOT=/srv/app/staticfiles" in dockerfile
    assert "collectstatic" in dockerfile
    for volume in compose["x-portal"]["volumes"]:
        assert not volume.split(":")[1].startswith("/srv/app"), volume


def test_the_image_installs_the_runtime_lock_only():
    dockerfile = (DOCKER / "Dockerfile").read_text()
    assert "pip install -r requirements.lock" in dockerfile
    assert "requirements-dev" not in dockerfile
    assert "gunicorn==" not in dockerfile  # locked in requirements.lock, not pinned here


@pytest.mark.parametrize(
    "path",
    [".venv/bin/python", "var/db.sqlite3", "var/private/space/doc.pdf", ".env", "docker/.env"],
)
def test_the_build_context_leaves_out_local_state_and_secrets(path):
    patterns = [
        line.strip()
        for line in (settings.BASE_DIR / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith(("#", "!"))
    ]

    def ignored(candidate):
        parts = candidate.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        return any(fnmatch.fnmatch(p, pattern) for p in prefixes for pattern in patterns)

    assert ignored(path)
