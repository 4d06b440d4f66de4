"""A page under view restrictions is found by those whom all of them let in, as Wagtail lets
them read the page (``cms.permissions.readable_restricted_sections``), and by the editors who
see it in the admin: no more (a leak) and no less (a page its readers cannot find). Results,
totals and suggestions, on every engine (``search_engine``)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search import sync
from search.service import search, suggest
from tests.factories.cms import make_editor, make_news, make_site_tree, make_standard
from tests.factories.users import UserFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_engine")]

PUBLIC_TITLE = "Laïcité : page publique"


@pytest.fixture
def tree():
    tree = make_site_tree()
    make_news(tree.news_index, title=PUBLIC_TITLE)
    return tree


@pytest.fixture
def group_a():
    return Group.objects.create(name="Réseau A")


@pytest.fixture
def group_b():
    return Group.objects.create(name="Réseau B")


def _user(*groups, **fields):
    user = UserFactory(**fields)
    user.groups.add(*groups)
    return user


def _restrict(page, kind, *groups):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="secret" if kind == "password" else ""
    )
    restriction.groups.add(*groups)
    return restriction


def _found(user):
    """The restricted titles ``user`` finds, checked the same in results, total and
    suggestions."""
    response = search(user, "laïcité")
    titles = {result.title for result in response.results} - {PUBLIC_TITLE}
    assert response.total == len(titles) + 1
    assert {s["title"] for s in suggest(user, "laïcité")} - {PUBLIC_TITLE} == titles
    return titles


def test_a_login_restricted_page_is_found_by_every_logged_in_user_not_by_anonymous(tree, anonymous):
    page = make_news(tree.news_index, title="Laïcité : réservé aux comptes")
    _restrict(page, "login")
    sync.process_pending()
    assert _found(UserFactory()) == {page.title}
    assert _found(anonymous) == set()


def test_an_inactive_account_finds_no_login_restricted_page(tree):
    _restrict(make_news(tree.news_index, title="Laïcité : réservé aux comptes"), "login")
    sync.process_pending()
    assert _found(UserFactory(is_active=False)) == set()


def test_a_group_restricted_page_is_found_by_the_members_of_its_groups_only(
    tree, anonymous, group_a, group_b
):
    page = make_news(tree.news_index, title="Laïcité : réservé aux réseaux")
    _restrict(page, "groups", group_a, group_b)
    sync.process_pending()
    assert _found(_user(group_a)) == {page.title}
    assert _found(_user(group_b)) == {page.title}
    assert _found(_user(Group.objects.create(name="Autre"))) == set()
    assert _found(UserFactory()) == set()
    assert _found(anonymous) == set()


def test_a_superuser_passes_group_restrictions_as_wagtail_lets_them_in(tree, group_a):
    page = make_news(tree.news_index, title="Laïcité : réservé au réseau A")
    _restrict(page, "groups", group_a)
    sync.process_pending()
    assert _found(UserFactory(is_superuser=True)) == {page.title}


def test_leaving_the_group_hides_the_page_on_the_next_search_without_reindexing(tree, group_a):
    page = make_news(tree.news_index, title="Laïcité : réservé au réseau A")
    _restrict(page, "groups", group_a)
    sync.process_pending()
    member = _user(group_a)
    assert _found(member) == {page.title}
    member.groups.remove(group_a)
    assert _found(member) == set()


def test_a_password_restricted_page_is_found_by_no_account_only_by_its_editors(tree):
    page = make_news(tree.news_index, title="Laïcité : protégé par mot de passe")
    _restrict(page, "password")
    sync.process_pending()
    assert _found(UserFactory()) == set()
    assert _found(make_editor(tree.news_index)) == {page.title}


def test_every_restriction_above_a_page_applies_a_group_inside_a_login_section(tree, group_a):
    section = make_standard(tree.home, title="Espace des comptes")
    _restrict(section, "login")
    make_standard(section, title="Laïcité : au niveau de la section")
    restricted = make_standard(section, title="Sous-espace du réseau A")
    _restrict(restricted, "groups", group_a)
    deeper = make_standard(restricted, title="Laïcité : au réseau A seulement")
    sync.process_pending()
    assert _found(UserFactory()) == {"Laïcité : au niveau de la section"}
    assert _found(_user(group_a)) == {"Laïcité : au niveau de la section", deeper.title}


def test_every_restriction_above_a_page_applies_two_groups_need_both(tree, group_a, group_b):
    section = make_standard(tree.home, title="Espace du réseau A")
    _restrict(section, "groups", group_a)
    inner = make_standard(section, title="Laïcité : au réseau A")
    nested = make_standard(section, title="Sous-espace du réseau B")
    _restrict(nested, "groups", group_b)
    both = make_standard(nested, title="Laïcité : aux réseaux A et B")
    sync.process_pending()
    assert _found(_user(group_a)) == {inner.title}
    assert _found(_user(group_b)) == set()
    assert _found(_user(group_a, group_b)) == {inner.title, both.title}


def test_a_password_inside_a_login_section_keeps_the_page_from_every_account(tree):
    section = make_standard(tree.home, title="Espace des comptes")
    _restrict(section, "login")
    inner = make_standard(section, title="Laïcité : pour les comptes")
    locked = make_standard(section, title="Sous-espace verrouillé")
    _restrict(locked, "password")
    make_standard(locked, title="Laïcité : sous mot de passe")
    sync.process_pending()
    assert _found(UserFactory()) == {inner.title}


def test_an_editor_of_a_part_of_a_restricted_section_finds_that_part_only(tree, group_a):
    section = make_standard(tree.home, title="Espace du réseau A")
    _restrict(section, "password")
    part = make_standard(section, title="Partie éditée")
    mine = make_standard(part, title="Laïcité : dans ma partie")
    make_standard(section, title="Laïcité : hors de ma partie")
    sync.process_pending()
    assert _found(make_editor(part)) == {mine.title}


def test_an_editor_finds_restricted_sections_below_their_own(tree, group_a):
    section = make_standard(tree.home, title="Rubrique éditée")
    private = make_standard(section, title="Laïcité : réservé au réseau A")
    _restrict(private, "groups", group_a)
    sync.process_pending()
    assert _found(make_editor(section)) == {private.title}
    assert _found(make_editor(tree.news_index)) == set()
