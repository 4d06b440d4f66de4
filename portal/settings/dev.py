"""Local development and the embedded demo: SQLite, e-mails in a local inbox, tasks run
immediately."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: F405
# E-mails go to files in var/mail/, listed at /_dev/courriels/ (DEBUG only): thousands of lines
# in the server's console helped nobody read one.
EMAIL_BACKEND = os.environ.get(  # noqa: F405
    "EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))  # noqa: F405
# One process, no worker: background tasks run in the request unless a queue is asked for.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(  # noqa: F405
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        ),
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
