"""A reviewer approves a page in the « Relecture » workflow with the admin's preview panel open,
in a real browser: the panel refreshes its preview (a write to the session) while the approval
writes the page. On the embedded default (SQLite) this gave « database is locked » (a 500, and
once the page stayed unpublished) until transactions became immediate (``transaction_mode``,
``portal.settings.base``); on PostgreSQL it checks the same journey. No answer is a 5xx, and
the page is live afterwards. CI runs it on both databases (.ci/run)."""

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from tests.factories import cms as factories
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "relecture-mot-de-passe-2026"


@pytest.fixture
def submitted_news():
    factories.restore_migration_data()  # a transactional test before may have flushed it
    tree = factories.make_site_tree()
    editor = UserFactory(email="redaction.preview@exemple.org")
    editor.groups.add(Group.objects.get(name="Rédaction"))
    news = factories.make_news(
        tree.news_index, title="Rencontre régionale des PRE à Toulouse", publish=False
    )
    revision = news.save_revision(user=editor)
    news.get_workflow().start(news, editor)
    assert news.workflow_in_progress and revision.pk
    reviewer = UserFactory(email="relecture.preview@exemple.org")
    reviewer.set_password(PASSWORD)
    reviewer.save()
    reviewer.groups.add(Group.objects.get(name="Relecture"))
    return news, reviewer


def _log_in_to_the_admin(page, email):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="S'identifier").click()
    expect(page).to_have_url("/admin/")


def test_a_reviewer_approves_with_the_preview_panel_open_and_the_page_goes_live(
    new_page, submitted_news
):
    news, reviewer = submitted_news
    page = new_page()
    # The admin's pages are the heaviest the tests open (the editor's form, its scripts).
    page.set_default_timeout(30_000)
    server_errors = []
    page.on(
        "response",
        lambda response: response.status >= 500 and server_errors.append(response.url),
    )
    _log_in_to_the_admin(page, reviewer.email)
    page.goto(f"/admin/pages/{news.pk}/edit/")

    page.locator('button[data-side-panel-toggle="preview"]').click()
    # Wagtail loads the preview into a second, hidden "proxy" iframe and then swaps it in: the
    # shown preview is the one that took the panel's id and has a source (two iframes exist
    # while the swap is under way).
    expect(
        page.locator('[data-side-panel="preview"] iframe#w-preview-iframe[src*="/preview/"]')
    ).to_be_visible()
    # A change the preview panel sends at once (its auto-update writes the preview data).
    page.locator("#id_title").fill("Rencontre régionale des PRE à Albi")
    page.wait_for_load_state("networkidle")

    approve = page.locator('button[data-workflow-action-name="approve"]').first
    if not approve.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    approve.click()
    page.wait_for_load_state("networkidle")

    assert server_errors == []
    news.refresh_from_db()
    assert news.live
    assert news.title == "Rencontre régionale des PRE à Albi"
    assert not news.workflow_in_progress
