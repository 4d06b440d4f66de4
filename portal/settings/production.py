"""Production: refuses to start without a secret key; HTTPS, secure cookies, compressed and
fingerprinted static files, error reports. Every value comes from the environment (see
`.env.example` and docs/operations.md); the defaults are the safe ones, and
`manage.py check --deploy` is clean with them.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY doit être défini en production.")

DEBUG = False

# HTTPS. Behind a reverse proxy that terminates TLS, the proxy tells the scheme in this header
# (it must overwrite any value the client sent); PROXY_SSL_HEADER= (empty) when there is none.
_proxy_ssl_header = os.environ.get("PROXY_SSL_HEADER", "X-Forwarded-Proto")  # noqa: F405
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_" + _proxy_ssl_header.upper().replace("-", "_"), "https") if _proxy_ssl_header else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)

SILENCED_SYSTEM_CHECKS = env_list(
    "SILENCED_SYSTEM_CHECKS",
    # security.W019: X_FRAME_OPTIONS is SAMEORIGIN, not DENY, because Wagtail's preview panel
    # shows the page being edited in a frame of the admin (same origin); other origins stay
    # refused.
    # security.W021: HSTS preloading is a commitment of the whole domain (every subdomain on
    # HTTPS for good) that the association takes, or not, when it registers the domain in the
    # browsers' preload list: SECURE_HSTS_PRELOAD=true then.
    "security.W019,security.W021",
)

# drf-spectacular generates the whole API schema during `check --deploy` and reports naming
# notes as warnings (enum names, Wagtail's own API views it cannot introspect without a
# request). The schema is tested where it is served (tests/extranet/api/test_schema.py).
SPECTACULAR_SETTINGS = {**SPECTACULAR_SETTINGS, "ENABLE_DJANGO_DEPLOY_CHECK": False}  # noqa: F405

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Error reports: by e-mail to ADMINS (base.LOGGING), and to a Sentry-compatible service when
# SENTRY_DSN is set (portal.errors).
from portal.errors import configure_error_reporting  # noqa: E402

configure_error_reporting(os.environ)  # noqa: F405
