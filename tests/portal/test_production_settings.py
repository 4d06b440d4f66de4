"""The production configuration, run as an operator runs it (in a subprocess, from the
environment), including against the real Redis when one answers (bin/services start)."""

import json
import os
import socket
import subprocess
import sys

import pytest
from django.conf import settings

REDIS_URL = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def run_production(code, tmp_path, **env):
    environ = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "production-test-" + "k" * 50,
        "PORTAL_VAR_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        env=environ,
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        timeout=120,
    )


def redis_answers():
    host, port = REDIS_URL.split("//")[1].split("/")[0].split(":")
    try:
        with socket.create_connection((host, int(port)), timeout=1):
            return True
    except OSError:
        return False


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = run_production(
        "import django, sys; django.setup(); from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')",
        tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(not redis_answers(), reason="Redis ne répond pas (bin/services start)")
def test_production_settings_with_redis_url_serve_through_the_real_redis(tmp_path):
    # With REDIS_URL set, the cache and the sessions go through the Redis client: its absence
    # made every login, the pages API and the sitemap answer 500.
    code = """
import django, json
django.setup()
from django.core.cache import cache
from django.conf import settings
from django.test import Client
cache.set("production-test", {"ok": 1}, 30)
client = Client(HTTP_HOST="localhost")
ready = client.get("/readyz")
print(json.dumps({
    "cached": cache.get("production-test"),
    "backend": settings.CACHES["default"]["BACKEND"],
    "sessions": settings.SESSION_ENGINE,
    "ready": ready.status_code,
    "body": ready.json(),
}))
"""
    result = run_production(code, tmp_path, REDIS_URL=REDIS_URL)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["cached"] == {"ok": 1}
    assert report["backend"] == "portal.cache.ResilientRedisCache"
    assert report["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert report["ready"] == 200, report["body"]
    assert report["body"]["cache"] == "ok"


def test_production_settings_with_redis_url_and_nothing_there_degrade_without_error(tmp_path):
    # REDIS_URL set, the server stopped: the declared cache answers misses within milliseconds
    # and the readiness probe says "dégradé" with a 200 (portal.cache, portal.health).
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code = """
import django, json, time
django.setup()
from django.core.cache import cache, caches
from django.test import Client
started = time.monotonic()
cache.set("production-test", 1, 30)
values = [cache.get("production-test"), caches["lockout"].get("production-test")]
elapsed = time.monotonic() - started
ready = Client(HTTP_HOST="localhost").get("/readyz")
print(json.dumps({"values": values, "elapsed": elapsed, "ready": ready.status_code,
                  "body": ready.json(),
                  "fallbacks": [caches[a].outage_fallback for a in ("default", "lockout")]}))
"""
    result = run_production(code, tmp_path, REDIS_URL=f"redis://127.0.0.1:{port}/0")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["values"] == [None, None]
    # Sessions never from one process's memory (a logout elsewhere would not reach it); the
    # login lock-out keeps counting there.
    assert report["fallbacks"] == ["miss", "local"]
    assert report["elapsed"] < 1
    assert report["ready"] == 200, report["body"]
    assert report["body"]["status"] == "dégradé"
    assert report["body"]["cache"] == "indisponible"
    assert "Cache Redis injoignable" in result.stderr  # logged, once
    assert result.stderr.count("Cache Redis injoignable") == 1


def test_production_is_https_with_hsts_by_default(tmp_path):
    code = (
        "import portal.settings.production as s, json;"
        "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SECURE_PROXY_SSL_HEADER]))"
    )
    result = run_production(code, tmp_path)
    assert result.returncode == 0, result.stderr
    redirect, hsts, session_secure, csrf_secure, proxy_header = json.loads(result.stdout)
    assert redirect and session_secure and csrf_secure
    assert hsts >= 180 * 24 * 3600
    assert proxy_header == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_proxy_ssl_header_https_redirect_and_hsts_follow_the_environment(tmp_path):
    code = (
        "import portal.settings.production as s, json;"
        "print(json.dumps([s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
        " s.SECURE_PROXY_SSL_HEADER]))"
    )
    result = run_production(
        code, tmp_path, SECURE_SSL_REDIRECT="false", SECURE_HSTS_SECONDS="0", PROXY_SSL_HEADER=""
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [False, 0, None]


def test_error_reports_go_to_a_sentry_dsn_only_when_one_is_set():
    from portal.errors import sentry_options

    assert sentry_options({}) is None
    options = sentry_options({"SENTRY_DSN": "https://key@errors.example.org/3"})
    assert options["dsn"] == "https://key@errors.example.org/3"
    assert options["send_default_pii"] is False


def test_admins_are_read_from_the_environment(tmp_path):
    code = "import portal.settings.production as s, json; print(json.dumps(s.ADMINS))"
    result = run_production(
        code, tmp_path, ADMINS="Équipe web <web@rt.example.org>, ops@rt.example.org"
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        ["Équipe web", "web@rt.example.org"],
        ["ops@rt.example.org", "ops@rt.example.org"],
    ]


def test_the_admin_makes_no_gravatar_request():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


def test_e_mail_has_a_timeout():
    assert 0 < settings.EMAIL_TIMEOUT <= 60


def test_sqlite_takes_the_write_lock_when_a_transaction_begins():
    # A deferred transaction that reads then writes cannot wait for the lock: approving a page
    # while the preview panel reads it failed with "database is locked".
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    assert settings.DATABASES["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
