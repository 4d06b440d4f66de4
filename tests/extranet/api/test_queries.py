"""Query counts of the API's lists stay the same whatever the number of items (no N+1)."""

from uuid import uuid4

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from extranet.documents.services import create_folder
from tests.factories.extranet import (
    MeetingFactory,
    RegistrationFactory,
    SpaceFactory,
    make_document,
    make_member,
    make_reply,
    make_topic,
)

from .conftest import api_url


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries)


def _add_spaces(member, count):
    for _ in range(count):
        space = SpaceFactory()
        make_member(space, user=member)
        topic = make_topic(space)
        make_reply(topic)


def _add_topics(space, count):
    for _ in range(count):
        topic = make_topic(space)
        make_reply(topic)


@pytest.fixture
def client(member, as_user):
    return as_user(member)


def test_my_spaces_queries_do_not_grow_with_spaces(client, member):
    _add_spaces(member, 2)
    few = _count(client, api_url("space-list"))
    _add_spaces(member, 8)
    assert _count(client, api_url("space-list")) == few


def test_space_list_for_staff_with_every_space_is_constant(staff, as_user, member):
    client = as_user(staff)
    url = api_url("space-list") + "?scope=visible"
    _add_spaces(member, 2)
    few = _count(client, url)
    _add_spaces(member, 8)
    assert _count(client, url) == few


@pytest.mark.parametrize("role", ["member", "moderator", "staff"])
def test_topic_list_queries_do_not_grow_with_topics(request, as_user, space, role):
    client = as_user(request.getfixturevalue(role))
    url = api_url("topic-list", space)
    _add_topics(space, 2)
    few = _count(client, url)
    _add_topics(space, 8)
    assert _count(client, url) == few


def test_post_list_queries_do_not_grow_with_posts(client, space):
    topic = make_topic(space)
    url = api_url("topic-post-list", space, topic_pk=topic.pk)
    make_reply(topic)
    few = _count(client, url)
    for _ in range(8):
        make_reply(topic)
    assert _count(client, url) == few


def test_document_list_queries_do_not_grow_with_documents(client, space):
    url = api_url("document-list", space)
    make_document(space)
    few = _count(client, url)
    for number in range(6):
        make_document(space, name=f"Compte rendu {number}.pdf")
    assert _count(client, url) == few


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_folder_list_queries_do_not_grow_with_folders(request, as_user, space, role):
    client = as_user(request.getfixturevalue(role))
    url = api_url("folder-list", space)

    def add(count):
        for _ in range(count):
            folder = create_folder(space, request.getfixturevalue("member"), f"D{uuid4().hex}")
            create_folder(space, folder.created_by, "Sous-dossier", parent=folder)
            make_document(space, folder=folder)

    add(1)
    few = _count(client, url)
    add(5)
    assert _count(client, url) == few


def test_meeting_list_queries_do_not_grow_with_meetings(client, space):
    url = api_url("meeting-list", space)

    def add():
        meeting = MeetingFactory(space=space)
        meeting.documents.add(make_document(space))
        RegistrationFactory(meeting=meeting, user=make_member(space))

    add()
    few = _count(client, url)
    for _ in range(5):
        add()
    assert _count(client, url) == few


def test_member_list_queries_do_not_grow_with_members(client, space):
    url = api_url("membership-list", space)
    make_member(space)
    few = _count(client, url)
    for _ in range(8):
        make_member(space)
    assert _count(client, url) == few
