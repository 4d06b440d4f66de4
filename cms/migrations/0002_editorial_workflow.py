"""Editorial roles and the review workflow ("Relecture").

- "Rédaction" (editors) write pages, images, documents and taxonomies, but cannot publish:
  they submit to the workflow.
- "Relecture" (reviewers) may do all that, publish, and approve or reject in the workflow.
- The workflow "Relecture" (one group-approval task for the Relecture group) is assigned to the
  root page, so it applies to every page of every site.

Permissions are created with get_or_create: on a fresh database Django only creates model
permissions after all migrations ran (post_migrate), which is too late for this migration.
"""

from django.db import migrations

EDITOR_GROUP = "Rédaction"
REVIEWER_GROUP = "Relecture"
WORKFLOW_NAME = "Relecture"

PAGE_PERMISSIONS = {
    EDITOR_GROUP: ["add_page", "change_page", "lock_page", "unlock_page"],
    REVIEWER_GROUP: [
        "add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page",
    ],
}
COLLECTION_PERMISSIONS = {
    EDITOR_GROUP: [
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
    ],
}
COLLECTION_PERMISSIONS[REVIEWER_GROUP] = COLLECTION_PERMISSIONS[EDITOR_GROUP] + [
    ("wagtailimages", "image", "delete_image"),
    ("wagtaildocs", "document", "delete_document"),
]
TAXONOMY_MODELS = ["theme", "territory", "network"]
MODEL_PERMISSIONS = {
    EDITOR_GROUP: [("wagtailadmin", "admin", "access_admin")]
    + [("cms", model, f"{action}_{model}") for model in TAXONOMY_MODELS for action in ("add", "change", "view")],
}
MODEL_PERMISSIONS[REVIEWER_GROUP] = MODEL_PERMISSIONS[EDITOR_GROUP] + [
    ("cms", model, f"delete_{model}") for model in TAXONOMY_MODELS
]


def _permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return permission


def create_roles_and_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    groups = {}
    for name in (EDITOR_GROUP, REVIEWER_GROUP):
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        for app_label, model, codename in MODEL_PERMISSIONS[name]:
            group.permissions.add(_permission(apps, app_label, model, codename))
        if root_page is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root_page,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for app_label, model, codename in COLLECTION_PERMISSIONS[name]:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(apps, app_label, model, codename),
                )

    task_content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=WORKFLOW_NAME, content_type=task_content_type, active=True
        )
    task.groups.set([groups[REVIEWER_GROUP]])

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        # One workflow per page: this replaces Wagtail's default "Moderators approval".
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_roles_and_workflow(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=WORKFLOW_NAME).delete()
    Group.objects.filter(name__in=[EDITOR_GROUP, REVIEWER_GROUP]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles_and_workflow, remove_roles_and_workflow)]
