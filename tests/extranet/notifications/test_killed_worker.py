"""A task killed is not a task lost, and sending is idempotent per recipient (#15): a worker
killed after serving 5 of a post's 10 recipients leaves its task RUNNING; the task is requeued
(``portal.operations.workers``) and its re-run serves the 5 left, each member getting exactly
one e-mail (``portal.mailing.SentEmail``: one row per post and recipient, unique)."""

from collections import Counter

import pytest
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from extranet.forum.services import create_topic
from extranet.notifications.recipients import post_recipients
from portal.mailing.models import SentEmail
from portal.mailing.retries import EMAIL_QUEUE
from portal.operations.workers import requeue_claimed_by
from tests.factories.extranet import make_member

# The worker closes its connection after each task: these tests commit for real.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.faults]

RECIPIENTS = 10
KILLED_AFTER = 5


class Killed(BaseException):
    """The process dying (``kill -9``): nothing in the portal or the worker catches it."""


class DyingEmailBackend(EmailBackend):
    """A mail server accepting messages until the process is killed, after ``KILLED_AFTER``."""

    accepted = 0

    def send_messages(self, messages):
        if DyingEmailBackend.accepted >= KILLED_AFTER:
            raise Killed()
        DyingEmailBackend.accepted += len(messages)
        return super().send_messages(messages)


@pytest.fixture(autouse=True)
def queued(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
    }
    DyingEmailBackend.accepted = 0


def test_a_task_killed_mid_batch_is_requeued_and_each_recipient_gets_exactly_one_email(
    settings, space, mailoutbox, django_capture_on_commit_callbacks
):
    author = make_member(space)
    members = [make_member(space) for _ in range(RECIPIENTS)]
    with django_capture_on_commit_callbacks(execute=True):
        topic = create_topic(space, author, "Réunion du réseau", "Ordre du jour")
    post = topic.posts.get()
    assert sorted(user.pk for user, _ in post_recipients(post, new_topic=True)) == sorted(
        member.pk for member in members
    )
    task = DBTaskResult.objects.get(queue_name=EMAIL_QUEUE)

    # The worker "w1" claims the task and is killed after 5 e-mails.
    DBTaskResult.objects.filter(pk=task.pk).update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now(), worker_ids=["w1"]
    )
    settings.EMAIL_BACKEND = f"{__name__}.DyingEmailBackend"
    with pytest.raises(Killed):
        task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    assert len(mailoutbox) == KILLED_AFTER
    assert SentEmail.objects.count() == KILLED_AFTER

    # "w1" starts again: it requeues what it had claimed, and runs it.
    assert requeue_claimed_by("w1") == 1
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command(
        "db_worker",
        queue_name=EMAIL_QUEUE,
        batch=True,
        reload=False,
        startup_delay=False,
        verbosity=0,
    )

    received = Counter(address for message in mailoutbox for address in message.to)
    assert received == Counter({member.email: 1 for member in members})
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.SUCCESSFUL
    assert SentEmail.objects.count() == RECIPIENTS
