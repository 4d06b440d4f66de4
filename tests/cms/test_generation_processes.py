"""The content generation is the same in every process (cms.generation): two server processes
with their own local-memory caches (no REDIS_URL, the embedded default) answer fresh at once
after a third process unpublishes a page and retitles another. With the generation kept in the
cache, both went on serving the unpublished page and the old title for 10 minutes.

The servers run the test settings on a file copy of the (migrated) SQLite test database; the
content is written by ``manage.py shell`` processes, as ``publish_scheduled`` from cron would."""

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request

import pytest
from django.conf import settings
from django.db import connection

# For the test database to be created; the servers use a copy of it, not this test's transaction.
pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=cms.NewsPage&fields=title"

SETUP = """
from tests.factories.cms import make_news, make_site_tree
tree = make_site_tree()
make_news(tree.news_index, title="Rencontre régionale")
make_news(tree.news_index, title="Assemblée générale")
"""

CHANGE = """
from cms.models import NewsPage
# By draft title: the title of the first was changed behind the signals' back.
NewsPage.objects.get(draft_title="Rencontre régionale").unpublish()
page = NewsPage.objects.get(draft_title="Assemblée générale").get_latest_revision_as_object()
page.title = "Assemblée générale (compte rendu)"
page.save_revision().publish()
"""


@pytest.fixture(scope="session")
def migrated_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """A file copy of the migrated test database, taken outside any test's transaction (a
    backup waits forever for the lock a test's open transaction holds; a session fixture is
    set up before the function-scoped transaction of ``django_db``)."""
    with django_db_blocker.unblock():
        if connection.vendor != "sqlite":
            pytest.skip("the servers share a file copy of the SQLite test database")
        path = tmp_path_factory.mktemp("generation") / "migrated.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(path)
        connection.connection.backup(copy)
        copy.close()
    return path


@pytest.fixture
def environment(migrated_database, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copyfile(migrated_database, database)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "SQLITE_PATH": str(database),
        "PORTAL_VAR_DIR": str(tmp_path),
    }
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    return env, database


def shell(env, code):
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One gunicorn process with one worker: its own memory, hence its own cache."""

    def __init__(self, env, log):
        self.port = free_port()
        self.popen = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{self.port}",
                "portal.wsgi:application",
            ],
            cwd=settings.BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def get(self, path):
        url = f"http://127.0.0.1:{self.port}{path}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode()

    def wait(self, timeout=120):
        deadline = time.monotonic() + timeout
        while True:
            try:
                return self.get("/healthz")
            except OSError:
                if self.popen.poll() is not None or time.monotonic() > deadline:
                    raise
                time.sleep(0.3)

    def news_titles(self):
        return {item["title"] for item in json.loads(self.get(LISTING))["items"]}

    def stop(self):
        self.popen.terminate()
        self.popen.wait(30)


@pytest.fixture
def two_servers(environment, tmp_path):
    env, database = environment
    shell(env, SETUP)
    with open(tmp_path / "servers.log", "ab") as log:
        servers = [Server(env, log), Server(env, log)]
    try:
        for server in servers:
            server.wait()
        yield env, database, servers
    finally:
        for server in servers:
            server.stop()


def test_two_processes_without_a_shared_cache_answer_fresh_at_once(two_servers):
    env, database, servers = two_servers
    before = {"Rencontre régionale", "Assemblée générale"}
    for server in servers:  # warm each process's own cache
        assert server.news_titles() == before
        assert "Rencontre régionale" in server.get("/")

    # A write behind the signals' back shows nowhere: both answers do come from their caches.
    with sqlite3.connect(database) as db:
        db.execute(
            "UPDATE wagtailcore_page SET title = 'En douce' WHERE title = 'Rencontre régionale'"
        )
    for server in servers:
        assert server.news_titles() == before

    shell(env, CHANGE)  # a third process: unpublish one page, retitle the other

    for server in servers:
        assert server.news_titles() == {"Assemblée générale (compte rendu)"}
        home = server.get("/")
        assert "Assemblée générale (compte rendu)" in home
        assert "En douce" not in home and "Rencontre régionale" not in home
