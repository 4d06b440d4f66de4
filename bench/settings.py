"""Settings of the benchmarks: the test settings made production-like where it changes timings.

- ``DEBUG = False``: no query log kept in memory, no debug pages;
- ``ROOT_URLCONF = "bench.urls"``: the portal's URLs plus the baseline view;
- background tasks go to the database queue (``django_tasks_db``), as in production: a post
  or a page save enqueues its e-mails and indexing and never runs them inline;
- WhiteNoise serves from its startup file list (no per-request file-system lookups);
- media and static files of the run live in a throw-away directory (``BENCH_VAR_DIR``, made by
  ``bench.harness``), never in ``var/``.

The database comes from ``DATABASE_URL``, which ``bench.harness.bench_database`` points at a
dedicated database before Django starts.
"""

import os
import tempfile
from pathlib import Path

from portal.settings.test import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.urls"
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}  # noqa: F405
WHITENOISE_AUTOREFRESH = False
BENCH_VAR_DIR = Path(
    os.environ.get("BENCH_VAR_DIR") or Path(tempfile.gettempdir()) / "portal-bench-var"
)
MEDIA_ROOT = BENCH_VAR_DIR / "media"
PRIVATE_MEDIA_ROOT = BENCH_VAR_DIR / "private"
STATIC_ROOT = BENCH_VAR_DIR / "static"
