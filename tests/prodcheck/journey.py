"""bin/prodcheck's journey: the production configuration, run and used as people use it.

Starts, on this machine and without Docker, what docker/compose.yaml runs: gunicorn with the
production settings (DEBUG off), the task workers of the default and e-mail queues, the
scheduler, beside PostgreSQL, Redis, the search engine (OPENSEARCH_URL, when bin/prodcheck
started one) and a local SMTP sink. Then drives it:

 1. probes: /healthz, then /readyz (database, cache, search engine);
 2. a member logs in and opens a topic in a space: the notification reaches the other members
    through SMTP, once each;
 3. the member finds the topic by search, an anonymous visitor does not;
 4. an editor uploads an image and publishes a news page with it through the Wagtail admin:
    the page, its image and the sitemap (with the site's real host) are served;
 5. a digest goes out (send_digests);
 6. SMTP stopped, a reply posted, SMTP restarted: the reply reaches everyone, once;
 7. the e-mail worker killed (SIGKILL) in the middle of a send, then restarted: nothing lost;
 8. backup and restore: the database dumped, restored into a new database, and a web process
    on the restored copy serves the published page;
 9. no 5xx anywhere in the web server's log.

Exit status 0 when every step held; the logs of every process stay in var/prodcheck/logs.
"""

import email
import email.policy
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import requests
from PIL import Image

from .processes import ROOT, Process, manage, wait_until

WORK = Path(os.environ.get("PRODCHECK_DIR", ROOT / "var" / "prodcheck"))
PORT = int(os.environ.get("PRODCHECK_PORT", "8765"))
RESTORE_PORT = PORT + 1
SMTP_PORT = int(os.environ.get("PRODCHECK_SMTP_PORT", "2525"))
BASE = f"http://127.0.0.1:{PORT}"
PG = dict(
    host=os.environ.get("PGHOST", "127.0.0.1"),
    port=int(os.environ.get("PGPORT", "5432")),
    user=os.environ.get("PGUSER", "portal"),
    password=os.environ.get("PGPASSWORD", "portal"),
)
DATABASE = os.environ.get("PRODCHECK_DATABASE", "portal_prodcheck")
RESTORED = DATABASE + "_restored"
REDIS_URL = os.environ.get("PRODCHECK_REDIS_URL", "redis://127.0.0.1:6379/3")

MEMBER = ("demo.membre@example.org", "reseaux-rt-demo")
ANIMATOR = ("mathilde.rouquette@equipe.example.org", "reseaux-rt-demo")
EDITOR = ("admin@example.org", "admin-demo-rt")
MAILER_ID = "prodcheck-mailer"


STARTED = time.monotonic()


def say(message):
    print(f"==> [{time.monotonic() - STARTED:5.0f} s] {message}", flush=True)


# --- environment ------------------------------------------------------------------------------


def database_url(name):
    return f"postgres://{PG['user']}:{PG['password']}@{PG['host']}:{PG['port']}/{name}"


def production_env(database=DATABASE):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "ELASTICSEARCH_", "EMAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=SECRET_KEY,
        DATABASE_URL=database_url(database),
        REDIS_URL=REDIS_URL,
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        SEARCH_INDEX_PREFIX=DATABASE,
        PORTAL_VAR_DIR=str(WORK / "var"),
        MEDIA_ROOT=str(WORK / "var" / "media"),
        PRIVATE_MEDIA_ROOT=str(WORK / "var" / "private"),
        STATIC_ROOT=str(WORK / "static"),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=BASE,
        WAGTAILADMIN_BASE_URL=BASE,
        WAGTAILAPI_BASE_URL=BASE,
        # Plain HTTP on the loopback: no TLS to redirect to, cookies without the secure flag.
        SECURE_SSL_REDIRECT="false",
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(SMTP_PORT),
        EMAIL_TIMEOUT="5",
        # Short retries, so that the outage of step 6 is over in seconds.
        EMAIL_RETRY_DELAYS="3,5,10,20",
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    return env


SECRET_KEY = secrets.token_urlsafe(50)


def reset_database(name):
    with psycopg.connect(dbname="postgres", autocommit=True, **PG) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def reset_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


# --- SMTP sink's mailbox ----------------------------------------------------------------------


class Mailbox:
    def __init__(self, directory):
        self.directory = directory

    def messages(self):
        found = []
        for path in sorted(self.directory.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            found.append(message)
        return found

    def with_subject(self, text):
        return [m for m in self.messages() if text in str(m["Subject"])]

    @staticmethod
    def recipients(messages):
        return [str(m["X-Envelope-To"]) for m in messages]


# --- HTTP -------------------------------------------------------------------------------------


class FormParser(HTMLParser):
    """Every field of the page's forms with its default value (what a browser would send)."""

    def __init__(self, form_id=None):
        super().__init__()
        self.fields = []
        self.in_textarea = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            if kind in {"submit", "button", "file", "image"}:
                return
            self.fields.append([name, attrs.get("value", "")])
        elif tag == "textarea" and name:
            self.in_textarea = [name, ""]
            self.fields.append(self.in_textarea)
        elif tag == "select" and name:
            self.select = [name, None]
            self.fields.append(self.select)
        elif (
            tag == "option"
            and self.select is not None
            and (self.select[1] is None or "selected" in attrs)
        ):
            self.select[1] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.in_textarea = None
        elif tag == "select":
            if self.select is not None and self.select[1] is None:
                self.select[1] = ""
            self.select = None

    def handle_data(self, data):
        if self.in_textarea is not None:
            self.in_textarea[1] += data


def form_fields(html):
    parser = FormParser()
    parser.feed(html)
    return parser.fields


def session():
    client = requests.Session()
    client.headers["User-Agent"] = "prodcheck"
    return client


def check(response, *statuses):
    if response.status_code not in statuses:
        raise AssertionError(
            f"{response.request.method} {response.url} : {response.status_code} "
            f"(attendu {statuses})\n{response.text[:1500]}"
        )
    return response


def web_login(client, login_url, email_address, password):
    page = check(client.get(BASE + login_url), 200)
    token = client.cookies.get("csrftoken")
    assert token, f"pas de jeton CSRF sur {login_url}"
    fields = dict(form_fields(page.text))
    fields.update(username=email_address, password=password, csrfmiddlewaretoken=token)
    response = client.post(BASE + login_url, data=fields, allow_redirects=False)
    check(response, 302)
    return response


def api(client, method, path, **kwargs):
    headers = {"X-CSRFToken": client.cookies.get("csrftoken", ""), "Referer": BASE + "/"}
    return client.request(method, BASE + path, headers=headers, **kwargs)


# --- the stack --------------------------------------------------------------------------------


class Stack:
    def __init__(self):
        self.logs = WORK / "logs"
        self.env = production_env()
        python = sys.executable
        self.sink = Process(
            "smtp",
            [python, "-m", "tests.prodcheck.smtp_sink", "--port", str(SMTP_PORT), "--dir",
             str(WORK / "mail")],
            self.env,
            self.logs,
        )  # fmt: skip
        self.web = Process(
            "web",
            [python, "-m", "gunicorn", "portal.wsgi:application", "--bind",
             f"127.0.0.1:{PORT}", "--workers", "2", "--timeout", "60", "--access-logfile", "-",
             "--access-logformat", '%(t)s %(h)s "%(r)s" %(s)s %(b)s %(M)sms'],
            self.env,
            self.logs,
        )  # fmt: skip
        self.worker = Process(
            "worker",
            [python, "manage.py", "run_worker", "--queue-name", "default", "--worker-id",
             "prodcheck-worker", "--heartbeat-file", str(WORK / "worker.heartbeat")],
            self.env,
            self.logs,
        )  # fmt: skip
        self.mailer = Process(
            "mailer",
            [python, "manage.py", "run_worker", "--queue-name", "email", "--worker-id",
             MAILER_ID, "--heartbeat-file", str(WORK / "mailer.heartbeat")],
            self.env,
            self.logs,
        )  # fmt: skip
        self.scheduler = Process(
            "scheduler",
            [python, "manage.py", "run_scheduler", "--heartbeat-file",
             str(WORK / "scheduler.heartbeat")],
            self.env,
            self.logs,
        )  # fmt: skip
        self.processes = [self.sink, self.web, self.worker, self.mailer, self.scheduler]
        self.mailbox = Mailbox(WORK / "mail")

    def stop(self):
        for process in reversed(self.processes):
            process.stop()


def ports_are_free():
    """Another server on one of the journey's ports would answer in its place."""
    for port in (PORT, RESTORE_PORT, SMTP_PORT):
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                raise RuntimeError(
                    f"le port {port} est déjà pris : choisir PRODCHECK_PORT (et "
                    "PRODCHECK_SMTP_PORT) libres"
                ) from None


def prepare():
    ports_are_free()
    if WORK.exists():
        shutil.rmtree(WORK)
    (WORK / "logs").mkdir(parents=True)
    (WORK / "mail").mkdir()
    say(f"Base neuve {DATABASE}, Redis {REDIS_URL}")
    reset_database(DATABASE)
    reset_redis()
    env = production_env()
    say("migrate, collectstatic, check --deploy")
    manage("migrate", "--noinput", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    # With the production defaults (HTTPS), not the plain-HTTP loopback overrides of the journey.
    plain_http = ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE")
    deploy_env = {key: value for key, value in env.items() if key not in plain_http}
    deploy = manage("check", "--deploy", "--fail-level", "WARNING", env=deploy_env)
    if env.get("OPENSEARCH_URL"):
        # The indexes with their mappings first, as an operator's first deployment does:
        # the demo's writes then go to them.
        say("index de recherche neufs (search_rebuild --reset)")
        manage("search_rebuild", "--reset", env=env)
    say("contenu de démonstration (seed_demo --force), site, index de recherche")
    manage("seed_demo", "--force", env=env)
    manage("configure_site", env=env)
    if env.get("OPENSEARCH_URL"):
        manage("search_rebuild", env=env)
    return deploy


def journey(stack):
    mailbox = stack.mailbox
    say("1. sondes : /healthz puis /readyz")
    wait_until(lambda: requests.get(BASE + "/healthz", timeout=2).ok, 120, "/healthz")
    ready = check(requests.get(BASE + "/readyz", timeout=10), 200).json()
    assert ready == {"status": "ok", "database": "ok", "cache": "ok", "search": "ok"}, ready
    for name in ("worker", "mailer", "scheduler"):
        wait_until(lambda n=name: (WORK / f"{n}.heartbeat").exists(), 120, f"battement {name}")

    say("2. un membre se connecte et ouvre un sujet ; les autres membres sont prévenus")
    member = session()
    web_login(member, "/extranet/connexion/", *MEMBER)
    animator = session()
    web_login(animator, "/extranet/connexion/", *ANIMATOR)

    def space_slugs(client):
        spaces = check(api(client, "GET", "/api/extranet/spaces/"), 200).json()
        return {space["slug"] for space in spaces.get("results", spaces)}

    # A space of both: the animator answers the member's topic there.
    space = sorted(space_slugs(member) & space_slugs(animator))[0]
    word = "prodcheck" + secrets.token_hex(4)
    title = f"Retour d'expérience {word}"
    topic = check(
        api(
            member,
            "POST",
            f"/api/extranet/spaces/{space}/topics/",
            json={"title": title, "body": f"<p>Compte rendu de la rencontre ({word}).</p>"},
        ),
        201,
    ).json()
    notified = wait_until(
        lambda: mailbox.with_subject(f"Nouveau sujet : {title}"), 90, "e-mail du nouveau sujet"
    )
    time.sleep(3)  # let the batch finish
    notified = mailbox.with_subject(f"Nouveau sujet : {title}")
    recipients = Mailbox.recipients(notified)
    assert len(recipients) == len(set(recipients)), "un membre a reçu le sujet deux fois"
    assert MEMBER[0] not in recipients, "l'auteur s'est prévenu lui-même"
    say(f"   {len(recipients)} membre(s) prévenu(s) par SMTP, une fois chacun")

    say("3. le membre trouve le sujet par la recherche ; un visiteur anonyme non")

    def member_finds():
        found = check(member.get(BASE + "/api/search/", params={"q": word}), 200).json()
        return any(title in result["title"] for result in found["results"])

    wait_until(member_finds, 90, "le sujet dans la recherche du membre")
    anonymous = check(requests.get(BASE + "/api/search/", params={"q": word}), 200).json()
    assert not anonymous["results"], anonymous

    say("4. un éditeur publie une actualité avec une image ; page, image et plan du site servis")
    editor = session()
    web_login(editor, "/admin/login/", *EDITOR)
    image_id = upload_image(editor, f"Photo {word}")
    page_url = publish_news(editor, title=f"Actualité {word}", image_id=image_id)
    page = check(requests.get(page_url, timeout=10), 200)
    assert f"Actualité {word}" in page.text
    images = re.findall(r'src="(/media/images/[^"]+)"', page.text)
    assert images, "pas d'image dans la page publiée"
    served = check(requests.get(BASE + images[0], timeout=10), 200)
    assert served.headers["Content-Type"].startswith("image/"), served.headers
    sitemap = check(requests.get(BASE + "/sitemap.xml", timeout=10), 200).text
    assert f"<loc>{BASE}/" in sitemap and "localhost" not in sitemap, sitemap[:500]
    api_pages = check(requests.get(BASE + "/api/v2/pages/", timeout=10), 200).json()
    assert api_pages["meta"]["total_count"] > 0
    # The admin's own search (Wagtail's indexes, built by search_rebuild: an engine answered
    # 500 there until someone ran update_index).
    wait_until(
        lambda: (
            f"Actualité {word}"
            in check(editor.get(BASE + "/admin/pages/search/", params={"q": word}), 200).text
        ),
        30,
        "l'actualité dans la recherche de l'admin",
    )
    check(editor.get(BASE + "/admin/images/", params={"q": word}), 200)

    say("5. un récapitulatif part")
    next_month = time.strftime("%Y-%m-01", time.localtime(time.time() + 32 * 86400))
    manage("send_digests", "--frequency", "monthly", "--date", next_month, env=stack.env)
    digests = wait_until(
        lambda: [m for m in mailbox.with_subject("La veille de vos réseaux")
                 if title in m.get_body(("plain",)).get_content()],
        30,
        "un récapitulatif qui cite le sujet",
    )  # fmt: skip
    say(f"   {len(digests)} récapitulatif(s) citant le sujet")

    say("6. SMTP arrêté, une réponse publiée, SMTP relancé : chacun la reçoit une fois")
    stack.sink.stop()
    reply_path = f"/api/extranet/spaces/{space}/topics/{topic['id']}/posts/"
    # The animator answers: the member who opened the topic is among those notified.
    check(api(animator, "POST", reply_path, json={"body": "<p>Première réponse.</p>"}), 201)
    wait_until(lambda: "nouvel essai" in stack.mailer.log(), 60, "un nouvel essai programmé")
    stack.sink.start()
    subject = f"Nouvelle réponse : {title}"
    wait_until(lambda: mailbox.with_subject(subject), 90, "la réponse après la panne")
    time.sleep(8)  # any duplicate would arrive now
    replies = Mailbox.recipients(mailbox.with_subject(subject))
    assert len(replies) == len(set(replies)), "une réponse envoyée deux fois"
    assert MEMBER[0] in replies, "l'auteur du sujet n'a pas eu la réponse"
    say(f"   {len(replies)} e-mail(s) après la panne (l'auteur du sujet compris), aucun doublon")

    say("7. le worker des e-mails tué au milieu d'un envoi : rien n'est perdu")
    before = len(mailbox.messages())
    (WORK / "mail" / "slow").write_text("4")
    check(api(animator, "POST", reply_path, json={"body": "<p>Deuxième réponse.</p>"}), 201)
    wait_until(lambda: (WORK / "mail" / "holding").exists(), 60, "un envoi en cours")
    stack.mailer.kill()
    (WORK / "mail" / "slow").unlink()
    assert len(mailbox.messages()) == before
    stack.mailer.start()
    wait_until(
        lambda: "remise(s) en file" in stack.mailer.log(), 60, "la tâche interrompue reprise"
    )

    def all_second_replies():
        messages = [
            m for m in mailbox.with_subject(subject)
            if "Deuxième réponse" in m.get_body(("plain",)).get_content()
        ]  # fmt: skip
        return Mailbox.recipients(messages)

    wait_until(lambda: set(all_second_replies()) == set(replies), 120, "la deuxième réponse")
    time.sleep(5)
    second = all_second_replies()
    assert len(second) == len(set(second)), "la deuxième réponse envoyée deux fois"
    say(f"   {len(second)} e-mail(s) après la reprise, aucun doublon")
    return page_url, f"Actualité {word}"


def upload_image(editor, title):
    form = check(editor.get(BASE + "/admin/images/add/"), 200)
    fields = dict(form_fields(form.text))
    fields.update(title=title, csrfmiddlewaretoken=editor.cookies["csrftoken"])
    fields.pop("tags", None)
    buffer = BytesIO()
    Image.new("RGB", (1200, 800), "teal").save(buffer, "JPEG")
    response = editor.post(
        BASE + "/admin/images/add/",
        data=fields,
        files={"file": ("prodcheck.jpg", buffer.getvalue(), "image/jpeg")},
        headers={"Referer": BASE + "/admin/images/add/"},
        allow_redirects=False,
    )
    check(response, 302)
    images = check(editor.get(BASE + "/api/v2/images/", params={"order": "-id"}), 200).json()
    latest = max(images["items"], key=lambda item: item["id"])
    assert latest["title"] == title, latest
    return latest["id"]


def publish_news(editor, *, title, image_id):
    index = check(
        editor.get(BASE + "/api/v2/pages/", params={"type": "cms.NewsIndexPage"}), 200
    ).json()["items"][0]["id"]
    add_url = f"/admin/pages/add/cms/newspage/{index}/"
    form = check(editor.get(BASE + add_url), 200)
    fields = form_fields(form.text)
    data = {}
    for name, value in fields:
        data.setdefault(name, value)
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    data.update(
        title=title,
        slug=slug,
        image=str(image_id),
        intro="Publiée par bin/prodcheck.",
        csrfmiddlewaretoken=editor.cookies["csrftoken"],
    )
    data["action-publish"] = "action-publish"
    # The admin's JavaScript builds the StreamField's inputs; without it, the body is sent
    # as a browser would send an empty one: zero blocks.
    data.setdefault("body-count", "0")
    response = editor.post(
        BASE + add_url, data=data, headers={"Referer": BASE + add_url}, allow_redirects=False
    )
    if response.status_code != 302:
        errors = re.findall(r'class="error-message"[^>]*>\s*<p>([^<]+)', response.text)
        raise AssertionError(f"publication refusée ({response.status_code}) : {errors}")
    live = check(
        requests.get(BASE + "/api/v2/pages/", params={"type": "cms.NewsPage", "slug": slug}), 200
    ).json()["items"]
    assert live, "la page publiée n'est pas dans l'API"
    return live[0]["meta"]["html_url"]


def backup_and_restore(stack, page_url, title):
    say("8. sauvegarde et restauration : la base restaurée sert la page publiée")
    dump = WORK / "portal.dump"
    env = dict(os.environ, PGPASSWORD=PG["password"])
    connection = ["-h", PG["host"], "-p", str(PG["port"]), "-U", PG["user"]]
    subprocess.run(
        ["pg_dump", *connection, "-Fc", "--no-owner", "-f", str(dump), DATABASE],
        env=env,
        check=True,
    )
    reset_database(RESTORED)
    subprocess.run(
        ["pg_restore", *connection, "--no-owner", "--exit-on-error", "-d", RESTORED, str(dump)],
        env=env,
        check=True,
    )
    restored_env = production_env(RESTORED)
    restored = Process(
        "web-restored",
        [sys.executable, "-m", "gunicorn", "portal.wsgi:application", "--bind",
         f"127.0.0.1:{RESTORE_PORT}", "--workers", "1", "--access-logfile", "-"],
        restored_env,
        WORK / "logs",
    ).start()  # fmt: skip
    try:
        restored_base = f"http://127.0.0.1:{RESTORE_PORT}"
        wait_until(lambda: requests.get(restored_base + "/healthz", timeout=2).ok, 60, "restauré")
        path = urlsplit(page_url).path
        page = check(requests.get(restored_base + path, timeout=10), 200)
        assert title in page.text
        say(f"   {dump.stat().st_size // 1024} Kio de sauvegarde, page servie par la copie")
    finally:
        restored.stop()
        with psycopg.connect(dbname="postgres", autocommit=True, **PG) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{RESTORED}" WITH (FORCE)')


def server_errors(stack):
    """5xx answers in the access logs, and tracebacks of requests in the web logs."""
    found = []
    for name in ("web", "web-restored"):
        path = WORK / "logs" / f"{name}.log"
        if not path.exists():
            continue
        for line in path.read_text(errors="replace").splitlines():
            if re.search(r'" 5\d\d ', line) or "Internal Server Error" in line:
                found.append(f"{name}: {line}")
    return found


def main():
    started = time.monotonic()
    deploy = prepare()
    if "no issues" not in deploy.stdout + deploy.stderr:
        print(deploy.stdout, deploy.stderr)
    stack = Stack()
    failed = None
    try:
        for process in stack.processes:
            process.start()
        page_url, title = journey(stack)
        backup_and_restore(stack, page_url, title)
    except (AssertionError, RuntimeError, requests.RequestException) as error:
        failed = error
    finally:
        stack.stop()
    errors = server_errors(stack)
    say("9. aucune réponse 5xx dans les journaux du serveur")
    for line in errors:
        print("   " + line)
    elapsed = time.monotonic() - started
    if failed is not None or errors:
        if failed is not None:
            print(f"ÉCHEC : {failed}", file=sys.stderr)
        print(f"Journaux : {WORK / 'logs'}", file=sys.stderr)
        print(f"bin/prodcheck : ÉCHEC après {elapsed:.0f} s")
        return 1
    print(f"bin/prodcheck : parcours de production réussi en {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
