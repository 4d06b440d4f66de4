"""Background work of search (django-tasks)."""

from django_tasks import task


@task()
def process_index_changes():
    """Apply the outbox (enqueued after each committed change; see ``search.sync``)."""
    from search.sync import process_pending

    report = process_pending()
    return {
        "applied": report.applied,
        "failed": report.failed,
        "errors": report.errors,
        "remaining": report.remaining,
    }
