"""Sending a Flash Info issue: once, to confirmed subscribers, in batches, with a log
(cms.newsletter.sending and cms.newsletter.batches)."""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.newsletter import batches, sending
from cms.newsletter.models import Delivery, Mailing, Subscriber
from tests.factories import cms as factories
from tests.factories.users import StaffFactory

pytestmark = pytest.mark.django_db


def _subscriber(email, status=Subscriber.Status.CONFIRMED):
    return Subscriber.objects.create(email=email, status=status, confirmed_at=timezone.now())


@pytest.fixture
def issue(tree):
    return factories.make_newsletter_issue(
        tree.newsletter_index,
        title="Les rencontres de juin",
        number=42,
        intro="Au programme ce mois-ci.",
        body=[("paragraph", '<p>Voir <a href="/agenda/">l\'agenda</a>.</p>')],
    )


@pytest.fixture
def staff(db):
    return StaffFactory(email="com@exemple.org")


def test_only_confirmed_subscribers_receive_the_issue(issue, staff):
    _subscriber("a@exemple.org")
    _subscriber("b@exemple.org")
    _subscriber("pending@exemple.org", Subscriber.Status.PENDING)
    _subscriber("gone@exemple.org", Subscriber.Status.UNSUBSCRIBED)
    mailing = sending.queue_mailing(issue, staff)
    mailing.refresh_from_db()
    assert sorted(m.to[0] for m in mail.outbox) == ["a@exemple.org", "b@exemple.org"]
    assert mailing.status == Mailing.Status.DONE
    assert (mailing.recipient_count, mailing.sent_count, mailing.failed_count) == (2, 2, 0)
    assert mailing.finished_at is not None


def test_the_issue_email_has_html_and_text_parts_absolute_links_and_one_click_unsubscribe(
    issue, staff
):
    subscriber = _subscriber("a@exemple.org")
    sending.queue_mailing(issue, staff)
    message = mail.outbox[0]
    assert message.subject == "Flash Info n°42 – Les rencontres de juin"
    html = message.alternatives[0][0]
    assert 'href="http://testserver/agenda/"' in html
    unsubscribe = f"http://testserver/lettre-d-information/desinscription/{subscriber.token}/"
    assert unsubscribe in html
    assert message.extra_headers["List-Unsubscribe"] == f"<{unsubscribe}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<" not in message.body
    assert "l'agenda (http://testserver/agenda/)" in message.body
    assert "Au programme ce mois-ci." in message.body


def test_each_subscriber_gets_their_own_unsubscribe_link(issue, staff):
    first = _subscriber("a@exemple.org")
    second = _subscriber("b@exemple.org")
    sending.queue_mailing(issue, staff)
    by_address = {m.to[0]: m.alternatives[0][0] for m in mail.outbox}
    assert first.token in by_address["a@exemple.org"]
    assert second.token not in by_address["a@exemple.org"]
    assert second.token in by_address["b@exemple.org"]


def test_an_issue_is_sent_only_once(issue, staff):
    _subscriber("a@exemple.org")
    sending.queue_mailing(issue, staff)
    with pytest.raises(ValidationError, match="déjà été envoyé"):
        sending.queue_mailing(issue, staff)
    assert len(mail.outbox) == 1


def test_an_unpublished_issue_cannot_be_sent(tree, staff):
    draft = factories.make_newsletter_issue(tree.newsletter_index, publish=False)
    with pytest.raises(ValidationError, match="n'est pas publié"):
        sending.queue_mailing(draft, staff)


def test_the_send_goes_in_batches(issue, staff, monkeypatch):
    monkeypatch.setattr(batches, "BATCH_SIZE", 2)
    for n in range(5):
        _subscriber(f"s{n}@exemple.org")
    calls = []
    original = batches.send_batch
    monkeypatch.setattr(batches, "send_batch", lambda pk: calls.append(pk) or original(pk))
    mailing = sending.queue_mailing(issue, staff)
    assert len(calls) == 3
    assert len(mail.outbox) == 5
    mailing.refresh_from_db()
    assert mailing.sent_count == 5 and mailing.status == Mailing.Status.DONE


def test_running_a_batch_again_sends_nothing_twice(issue, staff):
    _subscriber("a@exemple.org")
    mailing = sending.queue_mailing(issue, staff)
    Mailing.objects.filter(pk=mailing.pk).update(status=Mailing.Status.SENDING)
    batches.send_batch(mailing.pk)
    assert len(mail.outbox) == 1


def test_an_address_unsubscribed_after_the_send_was_queued_is_skipped(issue, staff, monkeypatch):
    a = _subscriber("a@exemple.org")
    _subscriber("b@exemple.org")
    # Queue without running the batch, then unsubscribe one address before it runs.
    monkeypatch.setattr(sending, "send_mailing_batch", SimpleNamespace(enqueue=lambda pk: None))
    mailing = sending.queue_mailing(issue, staff)
    Subscriber.objects.filter(pk=a.pk).update(status=Subscriber.Status.UNSUBSCRIBED)
    batches.send_batch(mailing.pk)
    assert [m.to[0] for m in mail.outbox] == ["b@exemple.org"]
    mailing.refresh_from_db()
    assert (mailing.sent_count, mailing.skipped_count) == (1, 1)
    assert mailing.deliveries.get(email="a@exemple.org").status == Delivery.Status.SKIPPED


def test_a_failure_for_one_address_is_logged_and_the_others_still_get_it(issue, staff, monkeypatch):
    _subscriber("a@exemple.org")
    _subscriber("b@exemple.org")
    original = batches.issue_email

    def failing(issue, subscriber, template=None):
        if subscriber.email == "a@exemple.org":
            raise ConnectionError("serveur de courrier injoignable")
        return original(issue, subscriber, template)

    monkeypatch.setattr(batches, "issue_email", failing)
    mailing = sending.queue_mailing(issue, staff)
    mailing.refresh_from_db()
    assert [m.to[0] for m in mail.outbox] == ["b@exemple.org"]
    assert (mailing.sent_count, mailing.failed_count) == (1, 1)
    failed = mailing.deliveries.get(email="a@exemple.org")
    assert failed.status == Delivery.Status.FAILED
    assert "serveur de courrier injoignable" in failed.error


def test_a_test_send_goes_to_the_sender_only_and_says_so(issue, staff):
    _subscriber("a@exemple.org")
    sending.send_test(issue, "com@exemple.org")
    assert [m.to for m in mail.outbox] == [["com@exemple.org"]]
    assert mail.outbox[0].subject.startswith("[Test] Flash Info n°42")
    assert not Mailing.objects.exists()
