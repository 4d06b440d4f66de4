"""Role fixtures for search (audience tokens come from real spaces and memberships) and a
small corpus of documents, one per audience."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from search.models import Kind, restricted_audience, space_audience
from tests.factories.cms import make_editor
from tests.factories.extranet import SpaceFactory, make_member
from tests.factories.search import STAFF_PAGE_PATH, make_document
from tests.factories.users import UserFactory
from tests.search.live_engine import ENGINES, live_engine_configured


@pytest.fixture
def anonymous():
    return AnonymousUser()


@pytest.fixture
def space(db):
    return SpaceFactory(name="Réseau VRL Occitanie", slug="reseau-vrl")


@pytest.fixture
def other_space(db):
    return SpaceFactory(name="Réseau PRE", slug="reseau-pre")


@pytest.fixture
def member(space):
    return make_member(space)


@pytest.fixture
def outsider(other_space):
    """A member of another space: logged in, but not in ``space``."""
    return make_member(other_space)


@pytest.fixture
def staff(db):
    """The communication team: the Wagtail admin and every page in it (a page permission on
    the tree root, through a group), not superuser, member of no space."""
    return make_editor(is_staff=True)


@pytest.fixture
def staff_flag_only(db):
    """``is_staff`` and nothing else: no right to use the Wagtail admin."""
    return UserFactory(is_staff=True)


@pytest.fixture
def corpus(space, other_space):
    """The word « laïcité » in one document per audience."""
    return {
        "public": make_document(
            "Formation laïcité pour les acteur·rice·s",
            "Valeurs de la République et laïcité : une journée de formation.",
            themes=[("laicite", "Laïcité")],
            territories=[("31", "Haute-Garonne")],
        ),
        "space": make_document(
            "Laïcité : compte rendu de la réunion du réseau",
            "Échanges entre formateur·rice·s sur la laïcité à l'école.",
            kind=Kind.TOPIC,
            audience=space_audience(space.pk),
            space_id=space.pk,
            space_name=space.name,
            themes=[("laicite", "Laïcité")],
        ),
        "other_space": make_document(
            "Laïcité et réussite éducative",
            "Un message du réseau PRE sur la laïcité.",
            kind=Kind.TOPIC,
            audience=space_audience(other_space.pk),
            space_id=other_space.pk,
            space_name=other_space.name,
        ),
        "staff": make_document(
            "Laïcité : note interne de l'équipe",
            "Préparation du plan de formation laïcité.",
            kind=Kind.PAGE,
            audience=restricted_audience(STAFF_PAGE_PATH, STAFF_PAGE_PATH),
            territories=[("34", "Hérault")],
        ),
    }


@pytest.fixture(params=ENGINES)
def search_engine(request, db):
    """Runs the test on the database's engine (SQLite FTS or PostgreSQL, whichever the run
    uses) and on the live engine (marked ``engine``), with the same expectations."""
    if request.param == "database":
        yield None
        return
    with live_engine_configured() as backend:
        yield backend


@pytest.fixture
def live(db):
    """The live engine alone (tests/search/engine/): the configured backend, empty."""
    with live_engine_configured() as backend:
        yield backend


class Clock:
    """The time every search and every build reads (``django.utils.timezone.now``), moved
    forward as time passing would move it, without waiting."""

    def __init__(self, monkeypatch):
        from django.utils import timezone

        self.real_now, self.offset = timezone.now, datetime.timedelta()
        monkeypatch.setattr(timezone, "now", lambda: self.real_now() + self.offset)

    def advance(self, **delta):
        self.offset += datetime.timedelta(**delta)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)
