"""Notification e-mails when the mail server fails: retried later with backoff on the e-mail
queue, and each recipient served exactly once (portal.mailing)."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from extranet.forum.services import create_topic
from extranet.notifications import tasks
from portal.mailing.delivery import Undelivered
from portal.mailing.models import SentEmail
from portal.mailing.retries import EMAIL_QUEUE
from tests.portal.flaky_mail import FlakyServer

# The worker closes its database connection after each task, as in production: inside a
# test transaction that would end the test, so these tests commit for real.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.faults]


@pytest.fixture(autouse=True)
def queued(settings):
    """A real queue (the database backend) and a mail server that can fail."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}
    }
    settings.EMAIL_BACKEND = "tests.portal.flaky_mail.FlakyEmailBackend"
    FlakyServer.reset()
    yield
    FlakyServer.reset()


def run_queue(queue=EMAIL_QUEUE):
    call_command(
        "db_worker", queue_name=queue, batch=True, reload=False, startup_delay=False, verbosity=0
    )


def email_tasks(**filters):
    return DBTaskResult.objects.filter(queue_name=EMAIL_QUEUE, **filters)


def time_passes():
    email_tasks(status=TaskResultStatus.READY).update(run_after=timezone.now())


def recipients(outbox):
    return sorted(address for message in outbox for address in message.to)


def post_topic(space, author, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return create_topic(space, author, "Réunion du réseau", "Ordre du jour")


def test_notification_tasks_run_on_the_email_queue():
    assert tasks.notify_new_post.queue_name == EMAIL_QUEUE
    assert tasks.notify_mentions.queue_name == EMAIL_QUEUE
    assert tasks.send_digests.queue_name == EMAIL_QUEUE


def test_smtp_down_then_back_every_member_gets_the_post_exactly_once(
    settings, space, member, moderator, owner, mailoutbox, django_capture_on_commit_callbacks
):
    FlakyServer.down = True
    post_topic(space, member, django_capture_on_commit_callbacks)
    run_queue()
    assert mailoutbox == []
    retry = email_tasks().get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    first_delay = timedelta(seconds=settings.EMAIL_RETRY_DELAYS[0] - 5)
    assert retry.run_after >= timezone.now() + first_delay

    run_queue()  # too early: the retry waits for its time
    assert mailoutbox == []

    FlakyServer.down = False
    time_passes()
    run_queue()
    assert recipients(mailoutbox) == sorted([moderator.email, owner.email])
    assert not email_tasks(status=TaskResultStatus.READY).exists()


def test_a_server_failing_mid_batch_is_retried_for_those_left_only(
    space, member, moderator, owner, mailoutbox, django_capture_on_commit_callbacks
):
    FlakyServer.accept = 1
    post_topic(space, member, django_capture_on_commit_callbacks)
    run_queue()
    assert len(mailoutbox) == 1
    first = mailoutbox[0].to[0]

    FlakyServer.accept = None
    time_passes()
    run_queue()
    assert recipients(mailoutbox) == sorted([moderator.email, owner.email])
    assert [m.to[0] for m in mailoutbox].count(first) == 1


def test_a_task_run_twice_sends_nothing_twice(
    space, member, moderator, owner, mailoutbox, django_capture_on_commit_callbacks
):
    topic = post_topic(space, member, django_capture_on_commit_callbacks)
    run_queue()
    assert len(mailoutbox) == 2
    # The same task again (a worker killed after sending, its task requeued).
    tasks.notify_new_post.enqueue(topic.posts.get().pk, True)
    run_queue()
    assert len(mailoutbox) == 2
    assert SentEmail.objects.count() == 2


def test_retries_give_up_after_the_last_delay_and_the_task_fails(
    settings, space, member, moderator, mailoutbox, django_capture_on_commit_callbacks, caplog
):
    FlakyServer.down = True
    with django_capture_on_commit_callbacks(execute=False):
        topic = create_topic(space, member, "Sujet", "Texte")
    post_id = topic.posts.get().pk
    last = tasks.notify_new_post.enqueue(
        post_id, True, attempt=len(settings.EMAIL_RETRY_DELAYS) + 1
    )
    run_queue()
    # Committed for real (see pytestmark): the topic's own tasks are queued too.
    result = email_tasks().get(id=last.id)
    assert result.status == TaskResultStatus.FAILED
    assert result.exception_class_path == f"{Undelivered.__module__}.{Undelivered.__name__}"
    assert "abandonné" in caplog.text
