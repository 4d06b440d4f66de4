"""Waiting for the database to be migrated: the web process migrates at start-up, and the
worker and the scheduler, started beside it on a fresh database, must not die on missing
tables (their container would restart in a loop)."""

import time

from django.core.management.base import CommandError
from django.db import DEFAULT_DB_ALIAS, OperationalError, ProgrammingError, connections
from django.db.migrations.executor import MigrationExecutor


def unapplied_migrations(using=DEFAULT_DB_ALIAS) -> int:
    connection = connections[using]
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def wait_for_migrations(timeout, say=print, interval=2.0, clock=time.monotonic, sleep=time.sleep):
    """Return once every migration is applied; raise TimeoutError after ``timeout`` seconds."""
    deadline = clock() + timeout
    announced = False
    while True:
        try:
            pending = unapplied_migrations()
        except (OperationalError, ProgrammingError) as error:  # database not up yet
            pending, reason = None, str(error).strip().splitlines()[0]
        else:
            reason = f"{pending} migration(s) en attente"
        if pending == 0:
            return
        if clock() >= deadline:
            raise TimeoutError(f"Base de données non prête après {timeout} s ({reason}).")
        if not announced:
            say(f"En attente de la base de données : {reason}…")
            announced = True
        connections.close_all()
        sleep(interval)


def wait_for_migrations_or_fail(timeout, say=print):
    """For the commands: the same wait, failing as a command error (exit status 1)."""
    try:
        wait_for_migrations(timeout, say=say)
    except TimeoutError as error:
        raise CommandError(str(error)) from None
