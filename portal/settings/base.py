"""Settings shared by every environment.

Values come from the environment with safe defaults (see `.env.example`); `dev`, `test` and
`production` only change what differs. Unset `DATABASE_URL` means the embedded SQLite file;
unset `ELASTICSEARCH_URL`/`OPENSEARCH_URL` means the database search backend.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Runtime state of the embedded default (SQLite file, uploads) lives in var/, ignored by git.
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "extranet.accounts",
    "cms",
    "cms.newsletter",
    "extranet.spaces",
    "extranet.forum",
    "extranet.documents",
    "extranet.meetings",
    "extranet.notifications",
    "extranet.idempotency",
    "extranet.api",
    "extranet.web",
    "search",
    # Operations: the e-mail delivery ledger and retries, the scheduler and the task worker.
    "portal.mailing",
    "portal.operations",
    "portal.fragments",
    "reports",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtail_headless_preview",
    "modelcluster",
    "taggit",
    "django_filters",
    # API, permissions, background work
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI assets, served locally (no CDN)
    "corsheaders",
    "guardian",
    "django_tasks",
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # /healthz and /readyz for probes, before the host check and the HTTPS redirect.
    "portal.health.HealthMiddleware",
    # The content generation read at most once per request, never kept longer (cms.generation).
    "cms.generation.GenerationPerRequestMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A full temporary upload disk answers a French 413, not a 500 (portal.uploads).
    "portal.uploads.UploadRefusedMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Caches a user's space permissions for one request only (extranet.spaces.permissions).
    "extranet.spaces.permissions.SpaceRightsCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL selects PostgreSQL (production, CI); unset means embedded SQLite.
SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", VAR_DIR / "db.sqlite3"))
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{SQLITE_PATH}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    # WAL and a busy timeout let the dev server and a worker share the file without
    # "database is locked" errors. IMMEDIATE transactions take the write lock when they begin:
    # a deferred one that reads then writes (approving a page while the preview panel reads
    # it) cannot wait for the lock and fails at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL;",
            "transaction_mode": "IMMEDIATE",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Users: log in with e-mail (custom user from the first migration).
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # ModelBackend refusing attempts while an e-mail or IP is locked out (extranet.accounts).
    "extranet.accounts.backends.RateLimitedModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/extranet/connexion/"
LOGIN_REDIRECT_URL = "/extranet/"
LOGOUT_REDIRECT_URL = "/"
# guardian: no anonymous user row; anonymous visitors never hold object permissions.
ANONYMOUS_USER_NAME = None
GUARDIAN_MONKEY_PATCH_USER = False

# French first.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Extranet documents live outside MEDIA_ROOT: no web server may ever serve them directly.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
# Wagtail documents (private collections among them) are stored under PRIVATE_MEDIA_ROOT too:
# the default storage routes them there (portal.storage), so serving MEDIA_ROOT never exposes
# a file whose access Wagtail checks.
STORAGES = {
    "default": {"BACKEND": "portal.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Django's handlers, the temporary-file one made to fail cleanly on a full disk (portal.uploads).
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "portal.uploads.SpooledUploadHandler",
]

# E-mail: SMTP from the environment; console in dev, locmem in tests.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# Seconds before a silent mail server is given up (and the send retried later): without it a
# hung server holds the e-mail worker forever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL",
    "Ressources & Territoires <ne-pas-repondre@ressources-territoires.example>",
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who receives the server's error reports ("Name <address>", comma separated).
ADMINS = [
    (address.split("<")[0].strip() or address, address.split("<")[-1].rstrip(">").strip())
    for address in env_list("ADMINS")
]

# Cache: Redis when REDIS_URL is set (shared across processes, needed for login rate
# limiting with several workers); local memory otherwise. Redis is optional at run time: while
# it is unreachable, "default" answers misses (pages are computed) and "lockout" (the login
# rate limiting) counts in each process's memory (portal.cache). The timeouts (seconds) keep
# an unreachable Redis to milliseconds per request: it is on the local network.
if os.environ.get("REDIS_URL"):
    REDIS_OPTIONS = {
        "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
        "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
    }
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": REDIS_OPTIONS,
        },
        "lockout": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {**REDIS_OPTIONS, "OUTAGE_FALLBACK": "local"},
        },
    }
    # Sessions read from the shared cache (written through to the database): one query less
    # on every logged-in request. Not with a per-process memory cache, where a logout in one
    # worker would leave the session cached in the others.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # One memory shared by both aliases (same LOCATION), as Redis is shared by both above.
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "lockout": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }

# Background work (django-tasks): database queue + `manage.py run_worker` in production.
# E-mail has its own queue, consumed by its own worker: a hung mail server never delays search
# indexing (portal.mailing).
TASK_QUEUES = ["default", "email"]
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": TASK_QUEUES,
    }
}
# Seconds before each new attempt at e-mails the mail server refused (portal.mailing.retries):
# about 13 hours in all, a night's outage of the server.
EMAIL_RETRY_DELAYS = [
    int(seconds) for seconds in env_list("EMAIL_RETRY_DELAYS", "60,300,900,3600,10800,28800")
]
# Seconds after which a task still RUNNING is taken for lost (its worker died) and requeued by
# the scheduler (portal.operations.workers); the portal's tasks take seconds.
TASKS_STALE_AFTER = int(os.environ.get("TASKS_STALE_AFTER", "3600"))
# Seconds a creation's idempotency key is remembered (extranet.idempotency): a retry within
# this time gets the first answer instead of a second topic or post.
IDEMPOTENCY_KEY_TTL = int(os.environ.get("IDEMPOTENCY_KEY_TTL", str(24 * 60 * 60)))
# Milliseconds a forum write waits for a row lock on PostgreSQL (extranet.forum.locking):
# then it gives up with « Le sujet est très sollicité, réessayez dans un instant. ».
FORUM_LOCK_TIMEOUT_MS = int(os.environ.get("FORUM_LOCK_TIMEOUT_MS", "3000"))

# Wagtail
WAGTAIL_SITE_NAME = "Ressources & Territoires"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's login form leaves its password field's label untranslated (portal.admin_login).
WAGTAILADMIN_USER_LOGIN_FORM = "portal.admin_login.AdminLoginForm"
WAGTAIL_I18N_ENABLED = False
# Slugs in ASCII (« ecoles », not « écoles »): URLs that every tool, mail client and
# printed flyer copes with; the admin transliterates titles when it proposes a slug.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No request from the admin to a third party: avatars are the uploaded ones or initials.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "odp", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents go through Wagtail's serve view, which checks collection view restrictions.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", "http://127.0.0.1:8000")
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_SEARCH_ENABLED = False  # the portal's own search (search/) serves search

# Search backends (modelsearch, used by Wagtail). See search/backends.py for the choice.
from search.conf import search_backends_from_env  # noqa: E402

WAGTAILSEARCH_BACKENDS = search_backends_from_env()

# Headless preview: the decoupled front(s) that render drafts. Empty means built-in templates.
# Format ("URL" or "host=URL", comma separated): see cms/preview/client_urls.py.
from cms.preview.client_urls import client_urls_from_env  # noqa: E402

HEADLESS_PREVIEW_CLIENT_URLS_RAW = env_list("HEADLESS_PREVIEW_CLIENT_URLS")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": client_urls_from_env(HEADLESS_PREVIEW_CLIENT_URLS_RAW),
    "SERVE_BASE_URL": None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": True,
}
PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("PREVIEW_TOKEN_MAX_AGE", "3600"))

# CORS: only the decoupled front's origins may call the APIs from a browser.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "API du portail Ressources & Territoires",
    "DESCRIPTION": "Extranet des réseaux et recherche.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # /api/schema/docs/: Swagger UI from drf-spectacular-sidecar's static files, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# Extranet documents: size limit and extension allow-list (checked against the content).
EXTRANET_DOCUMENT_MAX_SIZE = int(os.environ.get("EXTRANET_DOCUMENT_MAX_SIZE", 20 * 1024 * 1024))

# Extranet invitations (extranet.spaces): days before an unused invitation link expires.
EXTRANET_INVITATION_DAYS = int(os.environ.get("EXTRANET_INVITATION_DAYS", "14"))

# Login rate limiting (extranet.accounts): failures per window before a lock-out.
LOGIN_MAX_FAILURES = int(os.environ.get("LOGIN_MAX_FAILURES", "5"))
LOGIN_LOCKOUT_SECONDS = int(os.environ.get("LOGIN_LOCKOUT_SECONDS", "900"))
# Reverse proxies in front of the portal that append the client's address to
# X-Forwarded-For: the lock-out keys on the address the outermost trusted one saw. 0 (no
# proxy) uses REMOTE_ADDR; a count larger than the real chain would let clients choose it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel uses an iframe on the same origin.
SECURE_CONTENT_TYPE_NOSNIFF = True

# Logs on the standard error, each line with time, level and logger; LOG_FORMAT=json writes one
# JSON object per line for a log collector. Server errors also go to ADMINS by e-mail.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "portal.logs.JsonFormatter"},
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if os.environ.get("LOG_FORMAT") == "json" else "text",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django.request": {"handlers": ["mail_admins"], "level": "ERROR"},
        # The search clients log every request at INFO (« POST …/_search [status:200 …] »):
        # a line per search, and its formatting on every request. Their failures are
        # WARNING, and the service logs the fallback it takes (``search.service``).
        "opensearch": {"level": "WARNING"},
        "elasticsearch": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}
