"""``cms.compiled``: the SQL of a small queryset is compiled once, its rows read every time."""

import pytest
from django.contrib.auth.models import Group

from cms import compiled

pytestmark = pytest.mark.django_db


def _groups_named(name):
    return Group.objects.filter(name=name).order_by().values_list("pk", "name")


def test_rows_are_read_again_on_every_call():
    assert compiled.rows("test.groups_named", Group, _groups_named, ["Lecteurs"]) == []
    group = Group.objects.create(name="Lecteurs")
    assert compiled.rows("test.groups_named", Group, _groups_named, ["Lecteurs"]) == [
        (group.pk, "Lecteurs")
    ]


def test_the_same_sql_serves_other_parameters():
    Group.objects.create(name="Comité de lecture (test)")
    compiled.rows("test.groups_named", Group, _groups_named, ["Lecteurs"])
    assert [
        name
        for _, name in compiled.rows(
            "test.groups_named", Group, _groups_named, ["Comité de lecture (test)"]
        )
    ] == ["Comité de lecture (test)"]


def test_a_queryset_with_parameters_other_than_those_given_is_refused():
    def with_a_constant(name):
        return Group.objects.filter(name=name, pk__gt=0).values_list("pk")

    with pytest.raises(ValueError):
        compiled.rows("test.with_a_constant", Group, with_a_constant, ["Lecteurs"])


def _users_joined(pk):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk=pk).values_list("pk", "date_joined")


def test_values_are_converted_as_the_orm_converts_them():
    # SQLite stores a date and time as text: the row must hold the ORM's aware datetime.
    from tests.factories.users import UserFactory

    user = UserFactory()
    assert compiled.rows("test.users_joined", type(user), _users_joined, [user.pk]) == [
        (user.pk, user.date_joined)
    ]


def _users_joined_after(moment):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(date_joined__gt=moment).order_by("pk").values_list("pk")


def test_a_date_and_time_parameter_is_passed_as_the_orm_passes_it():
    # SQLite takes it as text, PostgreSQL as a timestamp: the same SQL serves any instant.
    import datetime

    from django.utils import timezone

    from tests.factories.users import UserFactory

    user = UserFactory()
    before, after = (user.date_joined + datetime.timedelta(minutes=m) for m in (-1, 1))
    name = "test.users_joined_after"
    assert compiled.rows(name, type(user), _users_joined_after, [before]) == [(user.pk,)]
    assert compiled.rows(name, type(user), _users_joined_after, [after]) == []
    paris = before.astimezone(timezone.get_fixed_timezone(60))  # the same instant elsewhere
    assert compiled.rows(name, type(user), _users_joined_after, [paris]) == [(user.pk,)]


def _groups_from(pk):
    return Group.objects.filter(pk__gte=pk).order_by("pk").values_list("pk", "name")


def test_several_statements_read_together_give_each_its_own_rows_in_order():
    from tests.factories.users import UserFactory

    first, second = Group.objects.create(name="Lecteurs"), Group.objects.create(name="PEP'S")
    user = UserFactory()
    statements = [
        compiled.Statement("test.groups_named", Group, _groups_named, ("PEP'S",)),
        compiled.Statement("test.users_joined", type(user), _users_joined, (user.pk,)),
        compiled.Statement("test.groups_named", Group, _groups_named, ("Personne",)),
        compiled.Statement("test.groups_from", Group, _groups_from, (first.pk,)),
    ]
    alone = [compiled.rows(*statement) for statement in statements]
    assert (
        compiled.rows_of(*statements)
        == alone
        == [
            [(second.pk, "PEP'S")],
            [(user.pk, user.date_joined)],  # converted as the ORM converts it
            [],
            [(first.pk, "Lecteurs"), (second.pk, "PEP'S")],
        ]
    )


def test_statements_read_together_are_one_round_trip_on_postgresql(django_assert_num_queries):
    from django.db import connection

    statements = [
        compiled.Statement("test.groups_named", Group, _groups_named, (name,))
        for name in ("Lecteurs", "PEP'S", "VRL")
    ]
    compiled.rows_of(*statements)  # compiled once
    with django_assert_num_queries(1 if connection.vendor == "postgresql" else 3):
        compiled.rows_of(*statements)


def test_reading_no_statement_reads_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert compiled.rows_of() == []


def test_with_server_side_binding_statements_are_read_one_by_one(
    monkeypatch, django_assert_num_queries
):
    # Prepared statements take one statement each (the settings say so; the connection keeps
    # its cursor here, which would take them together too).
    from django.db import connection

    options = {**connection.settings_dict.get("OPTIONS", {}), "server_side_binding": True}
    monkeypatch.setitem(connection.settings_dict, "OPTIONS", options)
    group = Group.objects.create(name="VRL")
    statements = [
        compiled.Statement("test.groups_named", Group, _groups_named, (name,))
        for name in ("VRL", "PRE")
    ]
    with django_assert_num_queries(2):
        assert compiled.rows_of(*statements) == [[(group.pk, "VRL")], []]
