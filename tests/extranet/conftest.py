"""Role fixtures for the extranet: one user per role, two spaces.

`space` is where the roles apply; `other_space` has its own owner and nobody else from
the fixtures, so every role is an outsider there (except staff, who sees everything).
"""

import pytest
from django.core.cache import cache

from extranet.spaces.roles import Role
from tests.factories.extranet import MembershipFactory, SpaceFactory
from tests.factories.users import StaffFactory, UserFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (cached page fragments, sessions, lock-outs):
    SQLite reuses the ids a rolled-back test used, and a fragment left by another test must
    not be what a test reads."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def space(db):
    return SpaceFactory(name="Réseau PEP'S – coordinateur·rice·s CLSPD", slug="peps")


@pytest.fixture
def other_space(db):
    other = SpaceFactory(name="Référent·e·s PRE", slug="pre-referents")
    MembershipFactory(
        space=other, role=Role.OWNER, user=UserFactory(email="responsable-pre@exemple.org")
    )
    return other


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


@pytest.fixture
def outsider(db):
    return UserFactory(email="exterieur@exemple.org", first_name="Alix", last_name="Dehors")


@pytest.fixture
def member(space):
    user = UserFactory(email="membre@exemple.org", first_name="Camille", last_name="Membre")
    MembershipFactory(user=user, space=space, role=Role.MEMBER)
    return user


@pytest.fixture
def moderator(space):
    user = UserFactory(email="animatrice@exemple.org", first_name="Sacha", last_name="Anime")
    MembershipFactory(user=user, space=space, role=Role.MODERATOR)
    return user


@pytest.fixture
def owner(space):
    user = UserFactory(email="responsable@exemple.org", first_name="Dominique", last_name="Resp")
    MembershipFactory(user=user, space=space, role=Role.OWNER)
    return user


@pytest.fixture
def removed_member(space):
    """Was a member of `space`; the membership has been deleted."""
    user = UserFactory(email="ancien-membre@exemple.org", first_name="Claude", last_name="Parti")
    MembershipFactory(user=user, space=space, role=Role.MEMBER).delete()
    return user


@pytest.fixture
def inactive_member(space):
    """Still holds a membership, but the account is deactivated."""
    user = UserFactory(email="desactive@exemple.org", first_name="Lou", last_name="Inactif")
    MembershipFactory(user=user, space=space, role=Role.MEMBER)
    user.is_active = False
    user.save(update_fields=["is_active"])
    return user


@pytest.fixture
def staff(db):
    return StaffFactory(email="equipe@exemple.org", first_name="Maëlle", last_name="Equipe")


ROLES = [
    "anonymous",
    "outsider",
    "member",
    "moderator",
    "owner",
    "removed_member",
    "staff",
    "inactive_member",
]


@pytest.fixture(params=ROLES)
def any_role(request):
    """Parametrise a test over every role fixture; yields (role name, user)."""
    return request.param, request.getfixturevalue(request.param)
