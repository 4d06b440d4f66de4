"""The scheduler's jobs, and tasks that a dead worker left running put back in the queue."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal.operations import schedule, workers
from portal.operations.migrations import unapplied_migrations, wait_for_migrations


def running_task(worker_id, started_minutes_ago=1):
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        args_kwargs={"args": [1, True], "kwargs": {}},
        task_path="extranet.notifications.tasks.notify_new_post",
        queue_name="email",
        backend_name="default",
        run_after=now,
        started_at=now - timedelta(minutes=started_minutes_ago),
        worker_ids=[worker_id],
    )


@pytest.mark.django_db
def test_a_restarted_worker_requeues_what_its_previous_run_left_running():
    mine = running_task("web-1-email")
    other = running_task("web-2-email")
    assert workers.requeue_claimed_by("web-1-email") == 1
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == TaskResultStatus.READY and mine.started_at is None
    assert other.status == TaskResultStatus.RUNNING


@pytest.mark.django_db
def test_tasks_running_for_too_long_are_requeued_by_the_scheduler(settings):
    settings.TASKS_STALE_AFTER = 3600
    stale = running_task("gone", started_minutes_ago=61)
    recent = running_task("alive", started_minutes_ago=5)
    assert workers.requeue_stale() == 1
    stale.refresh_from_db()
    recent.refresh_from_db()
    assert stale.status == TaskResultStatus.READY
    assert recent.status == TaskResultStatus.RUNNING


def test_the_scheduler_runs_every_periodic_job_the_readme_lists():
    commands = {job.command[0] for job in schedule.JOBS if job.command}
    assert {"publish_scheduled", "search_resync", "send_digests", "prune_db_task_results"} <= (
        commands
    )
    frequencies = {job.command[2] for job in schedule.JOBS if job.command[:1] == ("send_digests",)}
    assert frequencies == {"daily", "weekly", "monthly"}
    assert any(job.function is workers.requeue_stale for job in schedule.JOBS)


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_others():
    ran = []

    def broken():
        raise SystemExit(1)

    jobs = [
        schedule.Job("cassé", timedelta(minutes=5), function=broken),
        schedule.Job("sain", timedelta(minutes=5), function=lambda: ran.append("sain")),
    ]
    assert schedule.run_due(jobs, now=0.0) == jobs
    assert ran == ["sain"]


@pytest.mark.django_db
def test_jobs_run_again_at_their_interval_only():
    ran = []
    jobs = [
        schedule.Job("vite", timedelta(minutes=5), function=lambda: ran.append("vite")),
        schedule.Job("lent", timedelta(hours=1), function=lambda: ran.append("lent")),
    ]
    schedule.run_due(jobs, now=0.0)
    schedule.run_due(jobs, now=299.0)
    schedule.run_due(jobs, now=300.0)
    schedule.run_due(jobs, now=3600.0)
    assert ran == ["vite", "lent", "vite", "vite", "lent"]


@pytest.mark.django_db
def test_the_scheduler_loop_stops_when_asked():
    ran, clock = [], [0.0]
    jobs = [schedule.Job("tâche", timedelta(minutes=5), function=lambda: ran.append(clock[0]))]

    def sleep(seconds):
        clock[0] += seconds

    schedule.run_forever(
        jobs, should_stop=lambda: clock[0] >= 900, clock=lambda: clock[0], sleep=sleep
    )
    assert ran == [0.0, 300.0, 600.0]


@pytest.mark.django_db
def test_run_scheduler_once_runs_every_job(monkeypatch):
    names = []
    monkeypatch.setattr(schedule, "run_job", lambda job: names.append(job.name) or True)
    call_command("run_scheduler", once=True)
    assert names == [job.name for job in schedule.JOBS]


@pytest.mark.django_db
def test_a_migrated_database_needs_no_wait():
    assert unapplied_migrations() == 0
    wait_for_migrations(timeout=0, sleep=pytest.fail)


def test_waiting_for_migrations_gives_up_after_the_timeout(monkeypatch):
    monkeypatch.setattr("portal.operations.migrations.unapplied_migrations", lambda: 3)
    clock = [0.0]
    said = []

    def sleep(seconds):
        clock[0] += seconds

    with pytest.raises(TimeoutError, match="3 migration"):
        wait_for_migrations(
            timeout=10, say=said.append, interval=2, clock=lambda: clock[0], sleep=sleep
        )
    assert said == ["En attente de la base de données : 3 migration(s) en attente…"]


@pytest.mark.django_db
def test_the_default_site_takes_the_public_urls_host_and_port():
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    call_command("configure_site", url="https://www.rt.example.org")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("www.rt.example.org", 443)
    call_command("configure_site", url="http://127.0.0.1:8123")
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)


def test_a_site_url_without_a_host_is_refused():
    from portal.operations.site import host_and_port

    with pytest.raises(ValueError, match="URL du site invalide"):
        host_and_port("www.rt.example.org")


@pytest.mark.django_db
def test_a_heartbeat_is_written_while_the_database_answers(tmp_path):
    from portal.operations.heartbeat import Heartbeat, is_alive

    beat_file = tmp_path / "heartbeat"
    assert not is_alive(beat_file, max_age=120)
    assert Heartbeat(beat_file).beat()
    assert is_alive(beat_file, max_age=120)


def test_an_old_heartbeat_fails_the_healthcheck(tmp_path):
    from portal.operations.heartbeat import is_alive

    beat_file = tmp_path / "heartbeat"
    beat_file.touch()
    modified = beat_file.stat().st_mtime
    assert is_alive(beat_file, max_age=120, now=modified + 119)
    assert not is_alive(beat_file, max_age=120, now=modified + 121)
