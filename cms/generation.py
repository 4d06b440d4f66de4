"""The content generation: a token that changes whenever public content changes, the same in
every process at once. Cached answers are keyed by it (the API's responses, ``cms.api.cache``;
the home page, ``cms.home_cache``; the menus, ``cms.navigation.menus``): a new token orphans
every entry of the old one.

Why in the database, not in the cache: the cache is per process unless ``REDIS_URL`` names a
shared one (the embedded default, or several gunicorn workers without Redis). A token kept in a
process-local cache changes only in the process that made the change, and every other process
went on serving unpublished pages and old titles until its entries aged out (10 minutes). The
database is the one thing every process (web workers, ``publish_scheduled`` from cron, task
workers, ``manage.py shell``) shares in every deployment, so the token lives there, and the
cached entries themselves stay in Django's cache: a process-local entry stored under an old
token is simply never read again.

What must hold:
- **Read once per request, never kept across requests.** ``GenerationPerRequestMiddleware``
  gives each request a memo: the first ``current_generation()`` of a request reads the latest
  row (one indexed query), later ones reuse it. Outside a request (commands, tasks, shells)
  every call reads the database. Nothing caches the token in process memory beyond a request:
  that would bring the defect back.
- **Read before the data.** A request reads the token before reading the content it caches
  (the first call does the query), so an answer computed from old data is stored under an
  old token. A memo read earlier in the request only makes the token older: safe.
- **Bumped inside the writer's transaction, and again on commit.** ``invalidate`` inserts a
  new row at once, in the writer's transaction: the row becomes visible to other processes
  atomically with the change itself (never the new token with the old data), and the writer's
  own transaction (and tests, whose transactions never commit) sees it immediately. A second
  row is inserted when the transaction commits: two writers' rows can commit in the opposite
  order of their ids, so the latest id visible may belong to a transaction that committed
  before the other change; the on-commit row is newer than both.
- **Rows are inserted, never updated**: writers never wait for each other on a shared row (a
  long import in one transaction does not block editors publishing), and a rolled-back row
  vanishes with its transaction. Tokens are random, so a token of a rolled-back transaction is
  never reused (SQLite may reuse its id); old rows of a scope are pruned on commit.
- **Named generations, so that a change makes cold only what it can affect.** A cached
  answer is keyed by the tokens of the few scopes it depends on, all read in one query:
  ``CONTENT`` (everything that shows pages; bumped by the wide changes: moves, deletions,
  restrictions, taxonomies, footer, sites, images and documents, and a publication of a page
  that has children), ``MEDIA`` (the image and document endpoints, whose answers show no
  page), ``type:<app.model>`` (the listings of a page type; ``PAGES``, the type of every
  page, keys untyped listings, the home page and the menus) and ``page:<id>`` (one page's
  detail). Which scopes a change bumps is decided in one place, ``cms.invalidation``.
"""

import contextvars
import time
import uuid

from django.db import connection, models, transaction

from . import compiled

CONTENT = "content"
MEDIA = "media"
# The listings of every page type (``type=wagtailcore.Page``, no ``type``), the home page, the
# menus: every publication bumps it.
PAGES = "type:wagtailcore.page"
# The token when a scope has no row yet (a new database, or a test database just flushed).
INITIAL_TOKEN = "0.000000:initial"

# The current request's tokens by scope (``None`` outside a request).
_request_tokens = contextvars.ContextVar("cms_generation_request_tokens", default=None)


def type_scope(model):
    """The scope of the listings of ``model`` (a page class)."""
    return f"type:{model._meta.label_lower}"


def page_scope(page_id):
    """The scope of the detail of the page ``page_id``."""
    return f"page:{page_id}"


class ContentGeneration(models.Model):
    """One row per new generation of a scope; the latest row (highest id) is current."""

    scope = models.CharField("portée", max_length=100, default=CONTENT)
    token = models.CharField("jeton", max_length=40)

    class Meta:
        verbose_name = "génération de contenu"
        verbose_name_plural = "générations de contenu"
        indexes = [models.Index(fields=["scope", "id"], name="cms_generation_latest")]

    def __str__(self):
        return f"{self.scope}: {self.token}"


def _new_token():
    """A token never used before, carrying its start time (``Last-Modified`` of the API)."""
    return f"{time.time():.6f}:{uuid.uuid4().hex[:12]}"


def generation_started(token):
    return float(token.split(":", 1)[0])


def _generation_rows(*scopes):
    return ContentGeneration.objects.filter(scope__in=scopes).values_list("scope", "id", "token")


def current_generations(*scopes):
    """The current token of each of ``scopes``, in order: the ones this request has not read
    yet are read together, in one query (its SQL compiled once per number of scopes: it is
    asked on every page, ``cms.compiled``)."""
    memo = _request_tokens.get()
    known = memo if memo is not None else {}
    missing = [scope for scope in dict.fromkeys(scopes) if scope not in known]
    if missing:
        latest = {}
        rows = compiled.rows(
            f"cms.generation:{len(missing)}", ContentGeneration, _generation_rows, missing
        )
        for scope, row_id, token in rows:
            if scope not in latest or row_id > latest[scope][0]:
                latest[scope] = (row_id, token)
        read = {scope: latest.get(scope, (0, INITIAL_TOKEN))[1] for scope in missing}
        if memo is not None:
            memo.update(read)
        known = {**known, **read}
    return tuple(known[scope] for scope in scopes)


def latest_token_sql(using="default"):
    """The SQL of a scalar subquery giving the current token of one scope (its one parameter,
    the scope; NULL before the first row), for a statement a page runs anyway: its results
    are then handed to ``remember`` and the request reads no generation of its own (one
    round trip fewer on the extranet's cached pages, ``extranet.web.fragments``). The ORM's
    SQL, compiled once."""
    sql = _LATEST_SQL.get(using)
    if sql is None:
        latest = ContentGeneration.objects.filter(scope=CONTENT).order_by("-id").values("token")
        sql, params = latest[:1].query.get_compiler(using).as_sql()
        if tuple(params) != (CONTENT,):
            raise ValueError(f"cms.generation: unexpected parameters {params!r}")
        sql = _LATEST_SQL[using] = f"({sql})"
    return sql


_LATEST_SQL = {}


def remember(scopes, tokens):
    """This request's tokens of ``scopes``, read by ``latest_token_sql`` in one of its own
    statements (``None``: no row yet). The rule is the same as for a read here: the statement
    ran before the data the page caches; a scope this request has read already keeps the
    token it read (an older one is safe, module docstring). Outside a request: nothing."""
    memo = _request_tokens.get()
    if memo is None:
        return
    for scope, token in zip(scopes, tokens, strict=True):
        memo.setdefault(scope, token if token is not None else INITIAL_TOKEN)


def current_generation(scope=CONTENT):
    return current_generations(scope)[0]


def bump_generations(scopes):
    """Start a new generation of each of ``scopes`` now (in the current transaction, if any);
    returns the new rows."""
    scopes = list(dict.fromkeys(scopes))
    memo = _request_tokens.get()
    if memo is not None:
        for scope in scopes:
            memo.pop(scope, None)  # this request must see its own change
    if len(scopes) == 1:  # bulk_create opens a transaction of its own: BEGIN and COMMIT more
        return [ContentGeneration.objects.create(scope=scopes[0], token=_new_token())]
    return ContentGeneration.objects.bulk_create(
        [ContentGeneration(scope=scope, token=_new_token()) for scope in scopes]
    )


def bump_generation(scope=CONTENT):
    return bump_generations([scope])[0]


def _bump_and_prune(scopes):
    if not scopes:
        return
    rows = bump_generations(scopes)
    if any(row.pk is None for row in rows):  # a backend that returns no ids: prune nothing
        return
    ContentGeneration.objects.filter(
        scope__in=[row.scope for row in rows], id__lt=min(row.pk for row in rows)
    ).delete()


def invalidate_scopes(scopes, on_commit=None):
    """Bump now and again on commit (module docstring); outside a transaction, once.
    ``on_commit``: a callable giving the scopes to bump on commit, when what the change
    affects must be read again then (default: ``scopes`` again)."""
    scopes = list(dict.fromkeys(scopes))
    if not connection.in_atomic_block:
        if scopes:
            _bump_and_prune(scopes)
        return
    if scopes:
        bump_generations(scopes)
    later = on_commit or (lambda: scopes)
    transaction.on_commit(lambda: _bump_and_prune(list(dict.fromkeys(later()))), robust=True)


def invalidate_scope(scope=CONTENT):
    invalidate_scopes([scope])


def invalidate(**kwargs):
    """Signal receiver: a change that can alter any answer showing pages (a wide change)."""
    invalidate_scope(CONTENT)


def invalidate_media(**kwargs):
    """Signal receiver: a change to images or documents, shown by their endpoints and by
    the pages that embed them."""
    invalidate_scopes([MEDIA, CONTENT])


class GenerationPerRequestMiddleware:
    """Gives each request its memo of tokens (read at most once per scope and request)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        reset = _request_tokens.set({})
        try:
            return self.get_response(request)
        finally:
            _request_tokens.reset(reset)
