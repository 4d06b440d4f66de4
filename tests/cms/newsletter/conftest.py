import pytest


@pytest.fixture(autouse=True)
def on_commit_runs_at_once(monkeypatch):
    """The newsletter queues its e-mails and batches once the transaction commits; a test's
    transaction never commits, so the callbacks run at once, as after a commit."""

    def run_now(func, using=None, robust=False):
        func()

    monkeypatch.setattr("django.db.transaction.on_commit", run_now)
