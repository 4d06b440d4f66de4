"""Every write to a model a cached fragment shows bumps the counter the fragment is keyed on,
as ``portal.fragments.registry`` declares it: a create (``save()`` and ``bulk_create()``), an
update (``save()`` and ``QuerySet.update()`` through ``portal.fragments.writes``) and a
delete, for every declared source of the extranet. Parametrised from the registry itself: a
new entry is tested as soon as it is declared (and fails until ``WRITES`` knows how to write
its model)."""

from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils import timezone

from extranet.forum.models import Post, TopicReadState
from extranet.notifications.models import Notification, NotificationKind
from extranet.spaces.models import Membership, SpaceGroupObjectPermission, SpaceUserObjectPermission
from extranet.spaces.roles import Role
from portal.fragments import counters, registry, writes
from portal.fragments.wiring import skipped_on_creation
from tests.factories.extranet import (
    MembershipFactory,
    SpaceFactory,
    make_member,
    make_reply,
    make_topic,
)
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Writes:
    """How to write a row of one model in the test's little world: ``new(world)`` makes an
    unsaved row that the world's counters show, ``change(row, fields)`` changes ``row`` (a
    field among ``fields`` when the source only cares about some) and returns the changes."""

    new: object
    change: object


def _new_member(world):
    return Membership(space=world.space, user=UserFactory(), role=Role.MEMBER)


def _change_membership(row, fields):
    return {"role": Role.MODERATOR}


def _new_topic(world):
    now = timezone.now()
    return type(world.topic)(
        space=world.space,
        author=world.reader,
        title="Nouveau",
        created_at=now,
        last_activity_at=now,
    )


def _change_topic(row, fields):
    if fields and "space" in fields:
        return {"space": SpaceFactory()}
    return {"title": "Titre revu"}


def _new_read_state(world):
    other = make_member(world.space)
    return TopicReadState(user=other, topic=world.topic, last_read_at=timezone.now())


def _new_post(world):
    return Post(topic=world.topic, author=world.reader, body="<p>Encore</p>")


def _change_post(row, fields):
    return {"is_hidden": True} if fields else {"body": "<p>Revu</p>"}


def _new_notification(world):
    post = make_reply(world.topic, world.reader)
    return Notification(user=world.reader, post=post, kind=NotificationKind.REPLY)


def _view_permission():
    from django.contrib.auth.models import Permission

    from extranet.spaces.roles import SpacePermission

    return Permission.objects.get(codename=SpacePermission.VIEW.value)


def _new_user_right(world):
    from extranet.spaces.models import SpaceUserObjectPermission

    return SpaceUserObjectPermission(
        user=UserFactory(), permission=_view_permission(), content_object=world.space
    )


def _new_group_right(world):
    from django.contrib.auth.models import Group

    from extranet.spaces.models import SpaceGroupObjectPermission

    group = Group.objects.create(name="Réseau VRL")
    world.reader.groups.add(group)
    return SpaceGroupObjectPermission(
        group=group, permission=_view_permission(), content_object=world.space
    )


def _change_right(row, fields):
    """Another right on the space, one the row's holder does not hold yet."""
    from django.contrib.auth.models import Permission

    held = (
        type(row)
        .objects.filter(
            content_object_id=row.content_object_id,
            **({"user_id": row.user_id} if hasattr(row, "user_id") else {"group_id": row.group_id}),
        )
        .values("permission_id")
    )
    other = Permission.objects.filter(content_type=row.permission.content_type).exclude(pk__in=held)
    return {"permission": other.order_by("codename")[0]}


def _change_user(row, fields):
    if fields and "is_active" in fields:
        return {"is_active": False}
    return {"first_name": "Renommée"}


WRITES = {
    "spaces.space": Writes(
        new=lambda world: type(world.space)(name="Nouvel espace", slug="nouvel-espace"),
        change=lambda row, fields: {"is_archived": True} if fields else {"name": "Renommé"},
    ),
    "spaces.membership": Writes(new=_new_member, change=_change_membership),
    "forum.topic": Writes(new=_new_topic, change=_change_topic),
    "forum.topicreadstate": Writes(
        new=_new_read_state, change=lambda row, fields: {"last_read_at": timezone.now()}
    ),
    "forum.post": Writes(new=_new_post, change=_change_post),
    "accounts.user": Writes(
        new=lambda world: type(world.reader)(email="nouveau@exemple.org"),
        change=_change_user,
    ),
    "spaces.spaceuserobjectpermission": Writes(new=_new_user_right, change=_change_right),
    "spaces.spacegroupobjectpermission": Writes(new=_new_group_right, change=_change_right),
    "notifications.notification": Writes(
        new=_new_notification, change=lambda row, fields: {"read_at": timezone.now()}
    ),
}


@pytest.fixture
def world(db):
    """A space, a member who wrote a topic and read it, a reply of theirs and a notification
    about it: one row of every declared model, each shown by the fragments."""
    space = SpaceFactory()
    reader = make_member(space, first_name="Lou", last_name="Lectrice")
    MembershipFactory(space=space, role=Role.OWNER)
    topic = make_topic(space, reader)
    post = make_reply(topic, reader)
    notification = Notification.objects.create(user=reader, post=post, kind=NotificationKind.REPLY)
    readers = Group.objects.create(name="Lecteur·rice·s")
    reader.groups.add(readers)
    group_right = SpaceGroupObjectPermission.objects.create(
        group=readers, permission=_view_permission(), content_object=space
    )
    return SimpleNamespace(
        space=space,
        reader=reader,
        membership=Membership.objects.get(space=space, user=reader),
        topic=topic,
        post=post,
        read_state=TopicReadState.objects.get(user=reader, topic=topic),
        notification=notification,
        user_right=SpaceUserObjectPermission.objects.filter(user=reader, content_object=space)[0],
        group_right=group_right,
    )


def _row(world, model):
    return {
        "spaces.space": world.space,
        "spaces.membership": world.membership,
        "forum.topic": world.topic,
        "forum.topicreadstate": world.read_state,
        "forum.post": world.post,
        "accounts.user": world.reader,
        "notifications.notification": world.notification,
        "spaces.spaceuserobjectpermission": world.user_right,
        "spaces.spacegroupobjectpermission": world.group_right,
    }[model._meta.label_lower]


class Watch:
    """What a counter reads, before and after a write: every row version of its model, or
    the members whose cached entries were dropped."""

    def __init__(self, counter, monkeypatch):
        self.counter = counter
        self.forgotten = set()
        if isinstance(counter, counters.UserEntries):
            forget = counters.UserEntries.forget

            def spy(entries, user_ids):
                if entries == counter:
                    self.forgotten.update(user_ids)
                forget(entries, user_ids)

            monkeypatch.setattr(counters.UserEntries, "forget", spy)
        self.before = self.state()

    def state(self):
        if isinstance(self.counter, counters.RowVersion):
            return self.counter.state(Q())
        return frozenset(self.forgotten)

    @property
    def bumped(self):
        return self.state() != self.before


def _cases(operations):
    for fragment in registry.FRAGMENTS:
        for source in fragment.sources:
            if isinstance(source.counter, counters.Generation):
                continue  # the CMS's triggers, tested by tests/cms
            for operation in operations:
                if operation in {"create", "bulk_create"} and skipped_on_creation(source):
                    continue  # test_a_new_row_found_by_its_id_bumps_nothing_yet
                yield pytest.param(
                    source,
                    operation,
                    id=f"{fragment.prefix}|{source.model}→{source.counter.name}|{operation}",
                )


OPERATIONS = ("create", "bulk_create", "save", "update", "delete")


@pytest.mark.parametrize(("source", "operation"), list(_cases(OPERATIONS)))
def test_every_write_to_a_shown_model_bumps_the_fragments_counter(
    world, source, operation, monkeypatch, django_capture_on_commit_callbacks
):
    model = apps.get_model(source.model)
    how = WRITES[model._meta.label_lower]
    row = _row(world, model)
    if operation in {"create", "bulk_create"}:
        new = how.new(world)
    watch = Watch(source.counter, monkeypatch)
    with django_capture_on_commit_callbacks(execute=True):
        if operation == "create":
            new.save()
        elif operation == "bulk_create":
            writes.bulk_create(model, [new])
        elif operation == "save":
            for name, value in how.change(row, source.fields).items():
                setattr(row, name, value)
            row.save()
        elif operation == "update":
            writes.update(
                model._default_manager.filter(pk=row.pk), **how.change(row, source.fields)
            )
        else:
            row.delete()
    assert watch.bumped, f"{operation} de {source.model} n'a pas changé {source.counter.name}"


def test_every_declared_model_is_written_by_this_test():
    declared = {
        source.model.lower() for source in registry.wired_sources() if source.rows is not None
    }
    assert declared <= set(WRITES)


def test_a_new_row_found_by_its_id_bumps_nothing_yet(world, monkeypatch):
    """Nothing refers to a row before it exists: its creation bumps nothing through it (a
    member just created shows on no topic)."""
    bumped = []
    monkeypatch.setattr(counters.RowVersion, "bump", lambda counter, rows: bumped.append(rows))
    UserFactory()
    assert bumped == []


def test_a_save_that_changes_no_shown_field_bumps_nothing(world):
    """The last login date, saved at each login, is shown by no fragment."""
    before = world.topic.__class__.objects.values_list("version", flat=True).get()
    world.reader.last_login = timezone.now()
    world.reader.save(update_fields=["last_login"])
    assert world.topic.__class__.objects.values_list("version", flat=True).get() == before


def test_a_moved_topic_bumps_its_former_space_too(world):
    former = world.space.__class__.objects.values_list("version", flat=True).get(pk=world.space.pk)
    world.topic.space = SpaceFactory()
    world.topic.save()
    world.space.refresh_from_db()
    assert world.space.version > former
