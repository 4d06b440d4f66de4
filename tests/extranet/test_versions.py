"""Version counters (extranet.versions): a save bumps them DB-side and never writes back a
number read earlier; the lean lookups (extranet.rows) return what the ORM returns."""

import pytest
from django.contrib.auth import get_user_model

from extranet import rows
from extranet.forum.models import Topic
from extranet.spaces.models import Membership, Space
from extranet.web import links
from tests.factories.extranet import make_topic

pytestmark = pytest.mark.django_db


def _version(model, pk):
    return model.objects.values_list("version", flat=True).get(pk=pk)


def test_each_save_of_a_space_bumps_its_version(space):
    before = _version(Space, space.pk)
    space.name = "Nouveau nom"
    space.save()
    space.description = "Nouvelle présentation"
    space.save(update_fields=["description"])
    assert _version(Space, space.pk) == before + 2


def test_a_stale_instance_never_writes_back_its_version(space, member):
    stale = Space.objects.get(pk=space.pk)
    Membership.objects.get(space=space, user=member).delete()  # bumps the space
    bumped = _version(Space, space.pk)
    stale.name = "Renommé depuis une copie ancienne"
    stale.save()
    assert _version(Space, space.pk) == bumped + 1


def test_topic_and_membership_saves_bump_their_versions(space, member):
    topic = make_topic(space, author=member)
    membership = Membership.objects.get(space=space, user=member)
    topic_before, membership_before = _version(Topic, topic.pk), membership.version
    topic.title = "Titre revu"
    topic.save()
    membership.save()
    assert _version(Topic, topic.pk) == topic_before + 1
    assert _version(Membership, membership.pk) == membership_before + 1
    assert topic.version == topic_before + 1  # reloaded on access, not the expression


def test_get_row_returns_what_the_orm_returns(space, member):
    user_model = get_user_model()
    for model, column, value in (
        (user_model, "id", member.pk),
        (Space, "slug", space.slug),
        (Space, "id", space.pk),
    ):
        lean = rows.get_row(model, column, value)
        orm = model.objects.get(**{column: value})
        for field in model._meta.concrete_fields:
            assert getattr(lean, field.attname) == getattr(orm, field.attname), field.name
        assert lean._state.adding is False
    assert rows.get_row(Space, "slug", "aucun-espace") is None


def test_get_row_datetimes_are_aware(space):
    assert rows.get_row(Space, "slug", space.slug).created_at.tzinfo is not None


def test_nav_urls_are_the_reversed_urls(space):
    from django.urls import reverse

    assert links.url("extranet:my_spaces") == reverse("extranet:my_spaces")
    assert links.url("extranet:member_list", space.slug) == reverse(
        "extranet:member_list", kwargs={"slug": space.slug}
    )
