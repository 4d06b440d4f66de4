"""Who sees which documents and folders, and the storage location check."""

import pytest

from extranet.documents import permissions
from extranet.documents.checks import private_media_root_is_private
from tests.factories.extranet import make_document, make_member

pytestmark = pytest.mark.django_db


def test_documents_queryset_is_narrowed_to_visible_spaces(space, other_space, member, staff):
    mine = make_document(space, member)
    theirs = make_document(other_space)
    assert list(permissions.filter_documents_queryset(member)) == [mine]
    assert set(permissions.filter_documents_queryset(staff)) == {mine, theirs}


@pytest.mark.parametrize("role", ["anonymous", "outsider", "removed_member", "inactive_member"])
def test_non_members_see_no_document(request, space, member, role):
    make_document(space, member)
    assert not permissions.filter_documents_queryset(request.getfixturevalue(role)).exists()


def test_replace_rights(space, member, moderator, owner):
    document = make_document(space, member)
    assert permissions.can_replace_document(member, document)
    assert permissions.can_replace_document(moderator, document)
    assert permissions.can_replace_document(owner, document)
    assert not permissions.can_replace_document(make_member(space), document)


def test_uploader_loses_replace_right_when_removed(space, member):
    document = make_document(space, member)
    member.space_memberships.all().delete()
    assert not permissions.can_replace_document(member, document)


def test_private_root_inside_media_root_is_a_system_error(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "media" / "prive"
    assert [error.id for error in private_media_root_is_private(None)] == [
        "documents_extranet.E001"
    ]


def test_private_root_beside_media_root_is_fine(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    assert private_media_root_is_private(None) == []
