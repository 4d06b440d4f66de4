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


# --- forum (extranet.forum) -------------------------------------------------------------------


class TopicFactory(factory.django.DjangoModelFactory):
    """A bare topic row: counters are NOT maintained. Use `make_topic` when they matter."""

    class Meta:
        model = "forum.Topic"

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(
        lambda n: f"Prévention des dérives sectaires : retour d'expérience {n}"
    )
    author = factory.SubFactory(UserFactory)


class PostFactory(factory.django.DjangoModelFactory):
    """A bare post row (counters untouched); `make_topic`/`make_reply` go through the services."""

    class Meta:
        model = "forum.Post"

    topic = factory.SubFactory(TopicFactory)
    author = factory.SubFactory(UserFactory)
    body = "<p>Nous avons mis en place une cellule d'écoute avec le CLSPD.</p>"


def make_topic(space, author=None, title="Accompagnement selon l'âge", body="Premier message"):
    """A topic opened through `forum.services.create_topic` (author made a member if needed)."""
    from extranet.forum.services import create_topic

    author = author or make_member(space)
    return create_topic(space, author, title, body)


def make_reply(topic, author=None, body="Merci pour ce retour."):
    from extranet.forum.services import reply

    author = author or make_member(topic.space)
    return reply(topic, author, body)


# --- documents (extranet.documents) -----------------------------------------------------------


def make_document(
    space, uploader=None, name="Compte rendu de la rencontre.pdf", content=None, **kw
):
    """A document deposited through `documents.services.upload_document` with a real file of
    the kind its extension says (see tests/extranet/documents/samples.py)."""
    from extranet.documents.services import upload_document
    from tests.extranet.documents.samples import upload

    uploader = uploader or make_member(space)
    return upload_document(space, uploader, upload(name, content), **kw)


# --- meetings (extranet.meetings) -------------------------------------------------------------


def _in_days(days, hours=0):
    from datetime import timedelta

    from django.utils import timezone

    return timezone.now() + timedelta(days=days, hours=hours)


class MeetingFactory(factory.django.DjangoModelFactory):
    """A meeting in a week, in person, without capacity limit."""

    class Meta:
        model = "meetings.Meeting"

    space = factory.SubFactory(SpaceFactory)
    title = factory.Sequence(lambda n: f"Rencontre régionale des référent·e·s n°{n}")
    starts_at = factory.LazyFunction(lambda: _in_days(7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + (_in_days(0, 3) - _in_days(0)))
    place = "Maison des associations, Toulouse"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.Registration"

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
