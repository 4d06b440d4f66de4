"""Editors find the restricted pages they see in the Wagtail admin: a page under a password
(which no account passes in advance) is found only by those who may use the admin *and*
see that page there (``cms.permissions``): ``is_staff`` alone finds nothing a member does
not. Results, totals and suggestions, on every engine
(``search_engine``)."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, PageViewRestriction

from search import sync
from search.service import search, suggest
from tests.factories.cms import make_dossier, make_editor, make_news, make_site_tree
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]

NEWS, DOSSIER = "Laïcité : note réservée aux actualités", "Laïcité : dossier réservé"


@pytest.fixture
def restricted():
    """A restricted page in two sections of the site (news, dossiers), and a public one."""
    tree = make_site_tree()
    news = make_news(tree.news_index, title=NEWS)
    dossier = make_dossier(tree.dossier_index, title=DOSSIER)
    make_news(tree.news_index, title="Laïcité : page publique")
    for page in (news, dossier):
        PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    sync.process_pending()
    return tree


def _reserved(user):
    response = search(user, "laïcité")
    titles = {result.title for result in response.results}
    return titles - {"Laïcité : page publique"}, response.total


def _suggested(user):
    return {s["title"] for s in suggest(user, "laïcité")} - {"Laïcité : page publique"}


def test_the_staff_flag_alone_finds_nothing_more_than_a_member(restricted, member):
    staff_flag_only = UserFactory(is_staff=True)
    assert _reserved(staff_flag_only) == (set(), 1)
    assert _reserved(staff_flag_only) == _reserved(member)
    assert _suggested(staff_flag_only) == set()


def test_the_admin_without_a_page_permission_finds_no_restricted_page(restricted):
    group = Group.objects.create(name="Accès à l'administration seul")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    assert _reserved(user) == (set(), 1)


def test_a_page_permission_without_the_admin_finds_no_restricted_page(restricted):
    editor = make_editor(restricted.news_index)
    Permission.objects.get(codename="access_admin").group_set.clear()
    assert _reserved(editor) == (set(), 1)


def test_an_editor_finds_the_restricted_pages_of_their_section_only(restricted):
    editor = make_editor(restricted.news_index)
    assert _reserved(editor) == ({NEWS}, 2)
    assert _suggested(editor) == {NEWS}


def test_the_whole_team_finds_every_restricted_page(restricted, staff):
    assert _reserved(staff) == ({NEWS, DOSSIER}, 3)
    assert _reserved(UserFactory(is_staff=True, is_superuser=True)) == ({NEWS, DOSSIER}, 3)


def test_a_revoked_page_permission_hides_the_pages_on_the_next_search(restricted):
    editor = make_editor(restricted.news_index)
    assert _reserved(editor)[0] == {NEWS}
    GroupPagePermission.objects.filter(group__in=editor.groups.all()).delete()
    assert _reserved(editor) == (set(), 1)


def test_a_deactivated_editor_finds_no_restricted_page(restricted):
    editor = make_editor(restricted.news_index)
    editor.is_active = False
    editor.save()
    assert _reserved(editor) == (set(), 1)
