"""Extranet factories, shared by every extranet test package (add yours below)."""

import factory

from extranet.spaces.models import Invitation, Membership, Space, SpaceKind
from extranet.spaces.models.invitation import hash_token
from extranet.spaces.roles import Role

from .users import UserFactory


class SpaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Space
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Réseau des coordinateur·rice·s n°{n}")
    slug = factory.Sequence(lambda n: f"reseau-{n}")
    description = "Espace d'échange de pratiques entre acteur·rice·s du réseau."
    kind = SpaceKind.FORUM


class MembershipFactory(factory.django.DjangoModelFactory):
    """Saving a membership grants the role's guardian permissions (signals)."""

    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    space = factory.SubFactory(SpaceFactory)
    role = Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    """`InvitationFactory(token="…")` sets the clear token the tests then use in URLs."""

    class Meta:
        model = Invitation
        exclude = ("token",)

    space = factory.SubFactory(SpaceFactory)
    email = factory.Sequence(lambda n: f"invite{n}@exemple.org")
    role = Role.MEMBER
    token = factory.Sequence(lambda n: f"jeton-de-test-{n}")
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.token))


def make_member(space, role=Role.MEMBER, user=None, **user_fields):
    """Create (or reuse) a user and give them `role` in `space`; returns the user."""
    user = user or UserFactory(**user_fields)
    MembershipFactory(user=user, space=space, role=role)
    return user
