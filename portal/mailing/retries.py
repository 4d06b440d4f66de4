"""Retrying a task whose e-mails could not all be sent, later and less and less often.

``@retried`` goes under ``@task``: when the function raises ``Undelivered``, the same task is
enqueued again with ``attempt + 1``, to run after the next of ``settings.EMAIL_RETRY_DELAYS``,
and this run ends successfully (what it sent is recorded; the retry serves only the others).
After the last delay, or with a backend that cannot defer a task, the failure is logged as an
error (it reaches ADMINS and the error reporter) and the task fails, visible in the task
results.
"""

import functools
import importlib
import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .delivery import Undelivered

logger = logging.getLogger(__name__)

EMAIL_QUEUE = "email"


def retried(func):
    @functools.wraps(func)
    def wrapper(*args, attempt=1, **kwargs):
        try:
            return func(*args, **kwargs)
        except Undelivered as error:
            delays = settings.EMAIL_RETRY_DELAYS
            if attempt > len(delays):
                logger.error("%s abandonné après %d tentatives : %s", func.__name__, attempt, error)
                raise
            # The Task object @task built around this wrapper, found by name (no import cycle).
            task = getattr(importlib.import_module(func.__module__), func.__name__)
            if not task.get_backend().supports_defer:
                # The immediate backend (development) cannot wait: the caller sees the failure.
                raise
            run_after = timezone.now() + timedelta(seconds=delays[attempt - 1])
            task.using(run_after=run_after).enqueue(*args, attempt=attempt + 1, **kwargs)
            logger.warning(
                "%s : %s ; nouvel essai (n° %d) à %s",
                func.__name__,
                error,
                attempt + 1,
                timezone.localtime(run_after).strftime("%H:%M:%S"),
            )
            return {"sent": error.sent, "failed": error.failed, "retry_at": run_after.isoformat()}

    return wrapper
