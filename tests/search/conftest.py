"""Role fixtures for search: audience tokens come from real spaces and memberships."""

import pytest

from tests.factories.users import StaffFactory, UserFactory


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def outsider(db):
    return UserFactory()
