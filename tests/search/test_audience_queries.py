"""What reading the caller's audience costs in SQL (#16), and that it is read afresh.

``search.audience.audience_tokens`` runs on every search. With every kind of view
restriction present (login, groups, password), its statements per role:

- anonymous: the restrictions (1);
- a member, in a group or not: their spaces' rights, the restrictions, their groups with their
  page permissions (``cms.permissions.page_access``) (3; was 4: the groups and the page
  permissions were two queries);
- staff (the admin and a page permission): the same, and the admin right, which Django's
  backend reads as the user's and the groups' permissions (5; was 6);
- a superuser: every space, the restrictions (2).

On PostgreSQL the statements of the three modules are sent in one round trip
(``cms.compiled.read_together``), which Django counts as one query: a member's audience is one
query there, staff's three (the admin right is read after).

Only the SQL's text is kept between calls (``cms.compiled``), never what it reads: a change of
restriction, group or page permission shows on the very next call.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.db import connection
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

from cms.permissions import WHOLE_TREE
from search.audience import audience_tokens
from search.models import admin_section_tokens, readers_audience
from tests.factories.cms import make_editor, make_news, make_site_tree
from tests.factories.extranet import SpaceFactory, make_member
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections():
    """One restricted news item per kind of restriction."""
    tree = make_site_tree()
    pages = {
        kind: make_news(tree.news_index, title=f"Réservée ({kind})")
        for kind in ("login", "groups", "password")
    }
    readers = Group.objects.create(name="Lecteurs")
    PageViewRestriction.objects.create(page=pages["login"], restriction_type="login")
    grouped = PageViewRestriction.objects.create(page=pages["groups"], restriction_type="groups")
    grouped.groups.add(readers)
    PageViewRestriction.objects.create(
        page=pages["password"], restriction_type="password", password="x"
    )
    return {"tree": tree, "readers": readers, **pages}


def _fresh(user):
    """The user as a request loads it: no permission read yet."""
    return get_user_model().objects.get(pk=user.pk)


def _section(page):
    return readers_audience(page.path)


def _round_trips(statements, after=0):
    """Queries Django counts: ``statements`` sent together on PostgreSQL, one by one on SQLite,
    then ``after`` read on their own."""
    return (1 if connection.vendor == "postgresql" else statements) + after


def test_anonymous_audience_is_one_query(sections, django_assert_num_queries):
    with django_assert_num_queries(1):
        tokens = audience_tokens(AnonymousUser())
    assert tokens == {"public"}


def test_member_audience_is_three_statements_in_one_round_trip(sections, django_assert_num_queries):
    member = _fresh(make_member(SpaceFactory()))
    with django_assert_num_queries(_round_trips(3)):
        tokens = audience_tokens(member)
    assert _section(sections["login"]) in tokens
    assert _section(sections["groups"]) not in tokens


def test_group_member_audience_is_three_statements_in_one_round_trip_too(
    sections, django_assert_num_queries
):
    member = make_member(SpaceFactory())
    member.groups.add(sections["readers"])
    member = _fresh(member)
    with django_assert_num_queries(_round_trips(3)):
        tokens = audience_tokens(member)
    assert {_section(sections["login"]), _section(sections["groups"])} <= tokens
    assert _section(sections["password"]) not in tokens


def test_staff_audience_is_three_statements_together_then_the_admin_right(
    sections, django_assert_num_queries
):
    staff = _fresh(make_editor(is_staff=True))
    with django_assert_num_queries(_round_trips(3, after=2)):
        tokens = audience_tokens(staff)
    assert admin_section_tokens(Page.get_first_root_node().path, None) <= tokens


def test_superuser_audience_is_two_statements_in_one_round_trip(
    sections, django_assert_num_queries
):
    superuser = _fresh(UserFactory(is_staff=True, is_superuser=True))
    with django_assert_num_queries(_round_trips(2)):
        tokens = audience_tokens(superuser)
    assert admin_section_tokens(WHOLE_TREE, None) <= tokens


def test_a_restriction_added_between_two_searches_shows_on_the_next(sections):
    member = make_member(SpaceFactory())
    page = make_news(sections["tree"].news_index, title="Bientôt réservée au groupe")
    assert _section(page) not in audience_tokens(member)
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.add(sections["readers"])
    member.groups.add(sections["readers"])
    assert _section(page) in audience_tokens(_fresh(member))
    restriction.groups.clear()
    assert _section(page) not in audience_tokens(_fresh(member))


def test_a_group_left_between_two_searches_closes_its_section_on_the_next(sections):
    member = make_member(SpaceFactory())
    member.groups.add(sections["readers"])
    assert _section(sections["groups"]) in audience_tokens(_fresh(member))
    member.groups.remove(sections["readers"])
    assert _section(sections["groups"]) not in audience_tokens(_fresh(member))


def test_a_page_permission_revoked_between_two_searches_is_gone_on_the_next(sections):
    news_index = sections["tree"].news_index
    editor = make_editor(news_index)
    their_section = admin_section_tokens(news_index.path, None)
    assert their_section <= audience_tokens(_fresh(editor))
    GroupPagePermission.objects.filter(group__in=editor.groups.all()).delete()
    assert not their_section & audience_tokens(_fresh(editor))


def test_a_member_whose_rights_the_request_already_read_reads_only_the_rest(
    sections, django_assert_num_queries
):
    from extranet.spaces.permissions import can_view_space, request_rights_cache

    space = SpaceFactory()
    member = _fresh(make_member(space))
    with request_rights_cache():
        assert can_view_space(member, space)  # the space page read the rights
        with django_assert_num_queries(_round_trips(2)):
            tokens = audience_tokens(member)
    assert f"space:{space.pk}" in tokens
