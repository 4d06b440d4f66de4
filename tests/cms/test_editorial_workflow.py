"""Editorial roles and the review workflow: editors ("Rédaction") write and submit,
reviewers ("Relecture") publish; the "Relecture" workflow covers every page."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Page, Workflow

from tests.factories import cms as factories
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    user = UserFactory(email="redaction@exemple.org")
    user.groups.add(Group.objects.get(name="Rédaction"))
    return user


@pytest.fixture
def reviewer(db):
    user = UserFactory(email="relecture@exemple.org")
    user.groups.add(Group.objects.get(name="Relecture"))
    return user


def test_relecture_workflow_exists_with_a_task_for_the_relecture_group():
    workflow = Workflow.objects.get(name="Relecture")
    tasks = [task.specific for task in workflow.tasks]

    assert workflow.active
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == ["Relecture"]


def test_relecture_workflow_is_assigned_to_the_root_so_every_page_gets_it(tree):
    news = factories.make_news(tree.news_index)

    assert Page.get_first_root_node().get_workflow().name == "Relecture"
    assert news.get_workflow().name == "Relecture"


def test_editor_can_write_but_not_publish(tree, editor):
    permissions = tree.news_index.permissions_for_user(editor)

    assert permissions.can_add_subpage()
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert editor.has_perm("wagtailadmin.access_admin")


def test_reviewer_can_publish(tree, reviewer):
    permissions = tree.news_index.permissions_for_user(reviewer)

    assert permissions.can_edit()
    assert permissions.can_publish()


def test_editor_may_edit_taxonomies_but_only_reviewers_delete_them(editor, reviewer):
    assert editor.has_perm("cms.change_theme")
    assert not editor.has_perm("cms.delete_theme")
    assert reviewer.has_perm("cms.delete_theme")


def test_editor_submission_goes_to_the_relecture_task(tree, editor, reviewer):
    news = factories.make_news(tree.news_index, publish=False)
    workflow = news.get_workflow()

    state = workflow.start(news, editor)

    assert state.current_task_state.task.name == "Relecture"
    task = state.current_task_state.task.specific
    assert task.user_can_access_editor(news, reviewer)
    assert not task.user_can_access_editor(news, editor)
