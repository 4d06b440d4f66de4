"""French names where Wagtail's admin shows English ones, and Wagtail's unused default
workflow removed.

- The root page (« Root ») and the root collection (« Root ») are shown in the admin's page
  explorer, breadcrumbs, choosers and collection lists: renamed « Racine ». Only the default
  English name is replaced; a name someone chose is left alone.
- Wagtail creates a « Moderators approval » workflow and its task on install. The portal's
  workflow is « Relecture » (0002), assigned to the root page, so the default one applies to
  no page and only confuses editors in Paramètres › Processus de validation. It is deleted
  when nothing uses it (no page, no snippet type, no workflow state, ever); otherwise it is
  left as it is.
"""

from django.db import migrations

DEFAULT_WORKFLOW = "Moderators approval"
ROOT_NAME = "Racine"


def forwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    TaskState = apps.get_model("wagtailcore", "TaskState")

    Page.objects.filter(depth=1, title="Root").update(title=ROOT_NAME, draft_title=ROOT_NAME)
    Collection.objects.filter(depth=1, name="Root").update(name=ROOT_NAME)

    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW):
        in_use = (
            WorkflowPage.objects.filter(workflow=workflow).exists()
            or WorkflowContentType.objects.filter(workflow=workflow).exists()
            or WorkflowState.objects.filter(workflow=workflow).exists()
        )
        if in_use:
            continue
        task_ids = list(
            WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True)
        )
        workflow.delete()
        for task in Task.objects.filter(pk__in=task_ids, name=DEFAULT_WORKFLOW):
            if (
                not WorkflowTask.objects.filter(task=task).exists()
                and not TaskState.objects.filter(task=task).exists()
            ):
                task.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_footer_settings"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
