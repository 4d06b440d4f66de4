"""The embedded default (SQLite) under two writers, as when an editor approves a page in the
workflow while the admin's preview panel saves its preview data: with deferred transactions
the approval, which read before writing, failed at once with "database is locked" (a 500,
and once the page stayed unpublished). Immediate transactions take the write lock when they
begin, so the second writer waits for the first (busy timeout) instead of failing."""

import sqlite3
import threading
import time

import pytest
from django.conf import settings


def interleave(path, mode):
    """The approval reads, the preview writes meanwhile, then the approval writes."""
    approval = sqlite3.connect(path, isolation_level=None, timeout=5, check_same_thread=False)
    preview = sqlite3.connect(path, isolation_level=None, timeout=5, check_same_thread=False)
    approval.execute("PRAGMA journal_mode=WAL")
    approval.execute("CREATE TABLE page (id INTEGER PRIMARY KEY, live INTEGER, previews INTEGER)")
    approval.execute("INSERT INTO page VALUES (1, 0, 0)")
    errors = []

    def save_preview():
        try:
            preview.execute(f"BEGIN {mode}")
            preview.execute("UPDATE page SET previews = previews + 1")
            preview.execute("COMMIT")
        except sqlite3.OperationalError as error:
            errors.append(error)

    approval.execute(f"BEGIN {mode}")
    approval.execute("SELECT live FROM page").fetchall()
    thread = threading.Thread(target=save_preview)
    thread.start()
    time.sleep(0.3)
    try:
        approval.execute("UPDATE page SET live = 1")
        approval.execute("COMMIT")
    except sqlite3.OperationalError as error:
        errors.append(error)
        approval.execute("ROLLBACK")
    thread.join()
    row = approval.execute("SELECT live, previews FROM page").fetchone()
    return errors, row


def configured_mode():
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        pytest.skip("SQLite only")
    return settings.DATABASES["default"]["OPTIONS"]["transaction_mode"]


def test_with_the_configured_transactions_both_writers_succeed(tmp_path):
    errors, row = interleave(tmp_path / "portal.sqlite3", configured_mode())
    assert errors == []
    assert row == (1, 1)  # published, and the preview saved


def test_deferred_transactions_would_lock_the_approval_out(tmp_path):
    configured_mode()
    errors, row = interleave(tmp_path / "portal.sqlite3", "DEFERRED")
    assert errors and "locked" in str(errors[0])
    assert row == (0, 1)  # the page stayed unpublished
