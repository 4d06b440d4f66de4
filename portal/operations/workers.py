"""Tasks a worker left unfinished: put back in the queue so that nothing is lost.

django-tasks' database worker marks a task RUNNING when it claims it and never looks back: a
worker killed mid-task (out of memory, `kill -9`, the machine restarting) leaves the task
RUNNING for ever. Two ways back, both safe because the portal's tasks may run twice (search
sync rewrites documents; e-mails are sent once per recipient, ``portal.mailing``):

- a worker starting again under the same id requeues what it had claimed: that previous run
  of it is certainly dead (``run_worker`` gives each worker a stable id);
- the scheduler requeues tasks RUNNING for longer than ``TASKS_STALE_AFTER`` seconds (a worker
  that never came back); no portal task takes more than a few minutes.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def _requeue(results) -> int:
    count = 0
    for result in results:
        result.status = TaskResultStatus.READY
        result.started_at = None
        result.save(update_fields=["status", "started_at"])
        logger.warning(
            "Tâche %s (%s) interrompue, remise en file d'attente", result.pk, result.task_path
        )
        count += 1
    return count


def requeue_claimed_by(worker_id) -> int:
    """Requeue the tasks left RUNNING by a previous run of the worker ``worker_id``."""
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update().filter(status=TaskResultStatus.RUNNING)
        # The last id is the worker that claimed it (JSON `contains` is not on SQLite).
        return _requeue(r for r in running if r.worker_ids and r.worker_ids[-1] == worker_id)


def requeue_stale(now=None) -> int:
    """Requeue the tasks RUNNING for longer than ``TASKS_STALE_AFTER`` seconds."""
    limit = (now or timezone.now()) - timedelta(seconds=settings.TASKS_STALE_AFTER)
    with transaction.atomic():
        stale = DBTaskResult.objects.select_for_update().filter(
            status=TaskResultStatus.RUNNING, started_at__lt=limit
        )
        return _requeue(list(stale))
