"""The rules of ``extranet.idempotency.keys.run_once``, one test each."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from extranet.idempotency import keys
from extranet.idempotency.models import IdempotencyKey
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


class Counter:
    """A creation that counts its runs and answers its run number."""

    def __init__(self):
        self.runs = 0

    def __call__(self):
        self.runs += 1
        return {"run": self.runs}


@pytest.fixture
def user():
    return UserFactory()


def test_a_key_creates_once_and_replays_the_first_result(user):
    create = Counter()
    first = keys.run_once(user, "k-1", "forum.reply:1", {"body": "Bonjour"}, create)
    again = keys.run_once(user, "k-1", "forum.reply:1", {"body": "Bonjour"}, create)
    assert create.runs == 1
    assert (first.result, first.replayed) == ({"run": 1}, False)
    assert (again.result, again.replayed) == ({"run": 1}, True)


def test_keys_are_scoped_per_user(user):
    create = Counter()
    keys.run_once(user, "k-1", "forum.reply:1", {"body": "Bonjour"}, create)
    other = keys.run_once(UserFactory(), "k-1", "forum.reply:1", {"body": "Bonjour"}, create)
    assert create.runs == 2
    assert other.result == {"run": 2}


@pytest.mark.parametrize(
    ("action", "payload"),
    [("forum.reply:1", {"body": "Autre chose"}), ("forum.reply:2", {"body": "Bonjour"})],
)
def test_a_key_sent_again_with_other_content_or_action_is_refused(user, action, payload):
    create = Counter()
    keys.run_once(user, "k-1", "forum.reply:1", {"body": "Bonjour"}, create)
    with pytest.raises(keys.KeyReused):
        keys.run_once(user, "k-1", action, payload, create)
    assert create.runs == 1


def test_a_failed_creation_records_no_key_so_the_retry_creates(user):
    def refused():
        raise ValidationError({"body": "Le message est vide."})

    with pytest.raises(ValidationError):
        keys.run_once(user, "k-1", "forum.reply:1", {"body": ""}, refused)
    assert not IdempotencyKey.objects.exists()
    create = Counter()
    outcome = keys.run_once(user, "k-1", "forum.reply:1", {"body": "Bonjour"}, create)
    assert (outcome.result, outcome.replayed) == ({"run": 1}, False)


def test_an_expired_key_is_forgotten_and_can_create_again(user, settings):
    create = Counter()
    keys.run_once(user, "k-1", "forum.reply:1", {"body": "Bonjour"}, create)
    old = timezone.now() - timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL + 1)
    IdempotencyKey.objects.update(created_at=old)
    outcome = keys.run_once(user, "k-1", "forum.reply:1", {"body": "Autre"}, create)
    assert (outcome.result, outcome.replayed) == ({"run": 2}, False)
    assert IdempotencyKey.objects.count() == 1


def test_purge_deletes_only_expired_keys(user, settings):
    keys.run_once(user, "vieille", "a", {}, Counter())
    keys.run_once(user, "récente", "a", {}, Counter())
    old = timezone.now() - timedelta(seconds=settings.IDEMPOTENCY_KEY_TTL + 1)
    IdempotencyKey.objects.filter(key="vieille").update(created_at=old)
    assert keys.purge_expired() == 1
    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["récente"]


def test_a_concurrent_request_that_committed_first_is_replayed_through_the_constraint(
    user, monkeypatch
):
    """The race: this request looked the key up before the other one committed it. Its own
    insert then hits the unique constraint, its creation is rolled back with it, and it
    answers what the other request created."""
    create = Counter()
    keys.run_once(user, "k-1", "forum.reply:1", {"body": "Bonjour"}, create)  # the other one
    real_live = keys._live
    looked_up = []

    def live_after_the_race(*args):
        looked_up.append(args)
        return None if len(looked_up) == 1 else real_live(*args)

    monkeypatch.setattr(keys, "_live", live_after_the_race)
    outcome = keys.run_once(user, "k-1", "forum.reply:1", {"body": "Bonjour"}, create)
    assert (outcome.result, outcome.replayed) == ({"run": 1}, True)
    assert create.runs == 1  # the constraint failed before the second creation ran
    assert IdempotencyKey.objects.count() == 1
