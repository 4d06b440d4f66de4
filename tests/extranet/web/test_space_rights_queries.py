"""Opening a space page reads the user's rights once: the 404 decision uses the request's
rights cache instead of a separate `EXISTS` on the guardian tables."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.spaces.models import Membership
from tests.factories.extranet import make_topic

from .conftest import space_url

pytestmark = pytest.mark.django_db

GUARDIAN_TABLES = ("spaces_spaceuserobjectpermission", "spaces_spacegroupobjectpermission")


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [query["sql"] for query in captured]


def _reads_rights(sql):
    """A query that reads the guardian rows themselves (not a filter embedding them)."""
    return re.match(r'\(?SELECT [^(]*? FROM "spaces_space(user|group)objectpermission"', sql)


def _fetches_the_space(sql):
    return sql.startswith("SELECT") and '"spaces_space"."slug" =' in sql


def _assert_rights_read_once(statements):
    assert len([sql for sql in statements if _reads_rights(sql)]) == 1
    (fetch,) = [sql for sql in statements if _fetches_the_space(sql)]
    assert not any(table in fetch for table in GUARDIAN_TABLES)


def test_space_home_reads_the_rights_in_one_query(client, space, member):
    make_topic(space)
    client.force_login(member)
    _assert_rights_read_once(_queries(client, space_url("space_home", space)))


def test_topic_page_reads_the_rights_in_one_query(client, space, member):
    topic = make_topic(space)
    client.force_login(member)
    _assert_rights_read_once(_queries(client, space_url("topic_detail", space, pk=topic.pk)))


def test_removal_still_takes_effect_on_the_next_request(client, space, member):
    client.force_login(member)
    assert client.get(space_url("space_home", space)).status_code == 200
    Membership.objects.filter(user=member, space=space).delete()
    assert client.get(space_url("space_home", space)).status_code == 404


def test_unknown_and_hidden_spaces_answer_the_same_404(client, space, other_space, member):
    client.force_login(member)
    hidden = client.get(space_url("space_home", other_space))
    unknown = client.get(space_url("space_home", space).replace(space.slug, "nulle-part"))
    assert hidden.status_code == unknown.status_code == 404
    csrf = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
    assert csrf.sub(b"", hidden.content) == csrf.sub(b"", unknown.content)
