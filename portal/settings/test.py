"""Test settings: PostgreSQL when DATABASE_URL is set (CI), SQLite otherwise; fast hashing."""

from .base import *  # noqa: F403

SECRET_KEY = "test-secret-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
# Both aliases share one memory (same LOCATION): clearing the default cache clears lock-outs.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "lockout": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
# The base settings' sessions without Redis, whatever the shell exported: with the per-process
# memory above, ``cached_db`` is what ``base`` refuses (a logout left cached in other
# processes), and the tests' query counts would change with ``REDIS_URL`` (one session query
# fewer after ``eval "$(bin/services env)"``, as the README's developer would run them).
SESSION_ENGINE = "django.contrib.sessions.backends.db"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
# Uploads of each run go to a throw-away directory (set by tests/conftest.py).
STORAGES = {
    "default": {"BACKEND": "portal.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
LOGGING = {"version": 1, "disable_existing_loggers": False}
