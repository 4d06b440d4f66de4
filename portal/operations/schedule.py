"""The periodic jobs of production, and the loop that runs them (``manage.py run_scheduler``).

One scheduler process per site (the ``scheduler`` service of docker/compose.yaml). Every job is
safe to run twice or late, so a restarted or doubled scheduler harms nothing:

- ``publish_scheduled``: Wagtail's scheduled publishing and unpublishing;
- ``search_resync``: replays the index changes recorded while the search engine was down;
- ``send_digests``: each frequency every hour. A digest goes out once per member and period
  (``DigestDelivery``), at the first run after its period ends; a member whose e-mail failed
  is tried again at the next run, an hour later;
- ``prune_db_task_results``: finished task rows (they may hold invitation tokens) after 7 days;
- ``requeue_stale_tasks``: tasks a vanished worker left running (``workers``);
- ``purge_idempotency_keys``: creation keys past their life (``extranet.idempotency``).

Every job starts at the scheduler's start, then at its interval. A job that fails is logged and
tried again at its next turn; it never stops the others.
"""

import logging
import time
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.management import call_command
from django.db import close_old_connections

from . import workers

logger = logging.getLogger(__name__)


@dataclass
class Job:
    name: str
    every: timedelta
    command: tuple = ()
    function: object = None
    next_run: float = field(default=0.0, compare=False)

    def run(self):
        if self.function is not None:
            return self.function()
        return call_command(*self.command, verbosity=0)


MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)

JOBS = (
    Job("publish_scheduled", 5 * MINUTE, ("publish_scheduled",)),
    Job("search_resync", 5 * MINUTE, ("search_resync",)),
    Job("send_digests daily", HOUR, ("send_digests", "--frequency", "daily")),
    Job("send_digests weekly", HOUR, ("send_digests", "--frequency", "weekly")),
    Job("send_digests monthly", HOUR, ("send_digests", "--frequency", "monthly")),
    Job(
        "prune_db_task_results",
        timedelta(days=1),
        ("prune_db_task_results", "--queue-name", "*", "--min-age-days", "7"),
    ),
    Job("requeue_stale_tasks", 10 * MINUTE, function=workers.requeue_stale),
    Job("purge_idempotency_keys", HOUR, ("purge_idempotency_keys",)),
)


def run_job(job) -> bool:
    """Run one job; True when it succeeded. Failures are logged, never raised."""
    started = time.monotonic()
    try:
        job.run()
    except (Exception, SystemExit):  # commands signal failure with SystemExit(1)
        logger.exception(
            "Tâche périodique « %s » en échec (nouvel essai au prochain tour)", job.name
        )
        return False
    finally:
        close_old_connections()
    logger.info("Tâche périodique « %s » faite en %.1f s", job.name, time.monotonic() - started)
    return True


def run_due(jobs, now) -> list:
    """Run the jobs whose time has come, and set their next run. Returns those run."""
    due = [job for job in jobs if job.next_run <= now]
    for job in due:
        run_job(job)
        job.next_run = now + job.every.total_seconds()
    return due


def run_forever(jobs=JOBS, should_stop=lambda: False, clock=time.monotonic, sleep=time.sleep):
    jobs = [Job(job.name, job.every, job.command, job.function) for job in jobs]
    while not should_stop():
        run_due(jobs, clock())
        wake = min(job.next_run for job in jobs)
        # Short naps, so that a stop request is honoured within a second.
        while not should_stop() and clock() < wake:
            sleep(min(1.0, max(0.0, wake - clock())))
