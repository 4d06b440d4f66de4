import subprocess
import sys

from django.conf import settings


def test_site_speaks_french_in_paris_time():
    assert settings.LANGUAGE_CODE == "fr"
    assert settings.TIME_ZONE == "Europe/Paris"


def test_production_refuses_to_start_without_secret_key():
    code = "import portal.settings.production"
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": ""}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_secret_key():
    code = "import portal.settings.production as s; print(s.DEBUG)"
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "x" * 50, "PORTAL_VAR_DIR": "/tmp/portal-var"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
