"""Liveness of the processes that serve no HTTP (task workers, scheduler), for healthchecks.

The process runs ``Heartbeat``: a thread that, every ``interval`` seconds, checks the database
answers and then touches a file. The container's healthcheck runs
``python -m portal.operations.heartbeat FILE MAX_AGE``, which fails when the file is older
than MAX_AGE seconds: the process hung, died, or lost its database. It imports nothing of
Django, so the check costs milliseconds.
"""

import logging
import sys
import threading
import time
from pathlib import Path

logger = logging.getLogger(__name__)


class Heartbeat(threading.Thread):
    def __init__(self, path, interval=30.0):
        super().__init__(name="heartbeat", daemon=True)
        self.path = Path(path)
        self.interval = interval

    def beat(self):
        from django.db import connection

        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except Exception:
            logger.warning("Pas de battement : la base de données ne répond pas", exc_info=True)
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.touch()
        return True

    def run(self):
        from django.db import connection

        while True:
            self.beat()
            connection.close()  # this thread's own connection: none held between beats
            time.sleep(self.interval)


def is_alive(path, max_age, now=None) -> bool:
    try:
        modified = Path(path).stat().st_mtime
    except FileNotFoundError:
        return False
    return (now or time.time()) - modified <= max_age


if __name__ == "__main__":
    file, max_age = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 120.0
    sys.exit(0 if is_alive(file, max_age) else 1)
