"""Digests: contents limited to the member's spaces, periods, and sending once per period."""

from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from extranet.documents.models import Document, DocumentVersion
from extranet.forum.models import Post, Topic
from extranet.forum.services import hide_post
from extranet.meetings.models import Meeting
from extranet.notifications.digest import build_digest, digest_period, send_digests
from extranet.notifications.models import DigestDelivery
from extranet.notifications.subscriptions import update_subscription
from tests.factories.extranet import (
    MeetingFactory,
    SpaceFactory,
    make_document,
    make_member,
    make_reply,
    make_topic,
)

pytestmark = pytest.mark.django_db

# Reference: digests sent on 3 November 2026 cover October 2026 (monthly).
NOW = timezone.make_aware(datetime(2026, 11, 3, 8, 0))
OCTOBER = timezone.make_aware(datetime(2026, 10, 15, 10, 0))
SEPTEMBER = timezone.make_aware(datetime(2026, 9, 15, 10, 0))
START, END = digest_period("monthly", NOW)


def dated(when, *objects):
    """Move objects (and what hangs from them) to `when`, as if created then."""
    for obj in objects:
        if isinstance(obj, Topic):
            Topic.objects.filter(pk=obj.pk).update(created_at=when, last_activity_at=when)
            Post.objects.filter(topic=obj).update(created_at=when)
        elif isinstance(obj, Post):
            Post.objects.filter(pk=obj.pk).update(created_at=when)
        elif isinstance(obj, Document):
            DocumentVersion.objects.filter(document=obj).update(created_at=when)
            Document.objects.filter(pk=obj.pk).update(created_at=when, updated_at=when)
        elif isinstance(obj, Meeting):
            Meeting.objects.filter(pk=obj.pk).update(created_at=when)
    return objects[0]


@pytest.fixture
def activity(space, other_space, member, moderator):
    """October activity in `space` (by the moderator) and in `other_space`, plus older and own
    contributions that must stay out."""
    new_topic = dated(OCTOBER, make_topic(space, moderator, title="Dérives sectaires"))
    old_topic = dated(SEPTEMBER, make_topic(space, moderator, title="Complotisme"))
    dated(OCTOBER, make_reply(old_topic, moderator, "Nouvelle réponse"))
    dated(OCTOBER, make_reply(old_topic, moderator, "Encore une"))
    dated(OCTOBER, make_topic(space, member, title="Mon propre sujet"))
    dated(SEPTEMBER, make_topic(space, moderator, title="Sujet de septembre"))
    hidden = dated(OCTOBER, make_topic(space, moderator, title="Sujet masqué"))
    hide_post(hidden.posts.get(), moderator, "Hors charte")
    document = dated(OCTOBER, make_document(space, moderator, name="Synthèse.pdf"))
    meeting = dated(OCTOBER, MeetingFactory(space=space, title="Rencontre de novembre"))
    dated(OCTOBER, make_topic(other_space, title="Sujet d'un autre espace"))
    dated(OCTOBER, make_document(other_space, name="Document d'ailleurs.pdf"))
    dated(OCTOBER, MeetingFactory(space=other_space, title="Rencontre d'ailleurs"))
    return {
        "new_topic": new_topic,
        "old_topic": old_topic,
        "document": document,
        "meeting": meeting,
    }


def test_periods_are_the_last_complete_day_week_and_month():
    local = timezone.localtime
    assert (local(START).date(), local(END).date()) == (
        datetime(2026, 10, 1).date(),
        datetime(2026, 11, 1).date(),
    )
    day_start, day_end = digest_period("daily", NOW)
    assert (local(day_start).day, local(day_end).day) == (2, 3)
    week_start, week_end = digest_period("weekly", NOW)  # 3 Nov 2026 is a Tuesday
    assert (local(week_start).date().isoformat(), local(week_end).date().isoformat()) == (
        "2026-10-26",
        "2026-11-02",
    )


def test_digest_lists_new_topics_replies_documents_and_meetings_of_own_spaces(
    activity, space, member
):
    digest = build_digest(member, START, END)
    assert [entry.space for entry in digest.spaces] == [space]
    entry = digest.spaces[0]
    assert [t.title for t in entry.new_topics] == ["Dérives sectaires"]
    assert [(t.title, n) for t, n in entry.active_topics] == [("Complotisme", 2)]
    assert [d.title for d in entry.documents] == ["Synthèse"]
    assert [m.title for m in entry.meetings] == ["Rencontre de novembre"]


def test_digest_never_contains_other_spaces(activity, member):
    digest = build_digest(member, START, END)
    titles = {t.title for entry in digest.spaces for t in entry.new_topics}
    documents = {d.title for entry in digest.spaces for d in entry.documents}
    assert "Sujet d'un autre espace" not in titles
    assert "Document d'ailleurs" not in documents


def test_digest_of_a_removed_member_is_empty(activity, space, member):
    member.space_memberships.filter(space=space).delete()
    assert build_digest(member, START, END).is_empty


def test_digest_costs_constant_queries(activity, member, django_assert_max_num_queries):
    for _ in range(4):
        extra = SpaceFactory()
        make_member(extra, user=member)
        dated(OCTOBER, make_topic(extra))
    with django_assert_max_num_queries(6):
        digest = build_digest(member, START, END)
        for entry in digest.spaces:
            [m.participant_count for m in entry.meetings]
    assert len(digest.spaces) == 5


def test_monthly_digests_are_sent_once_to_members_who_want_them(
    activity, space, member, owner, mailoutbox
):
    update_subscription(owner, space, digest_frequency="weekly")
    report = send_digests("monthly", now=NOW)
    to = [m.to[0] for m in mailoutbox]
    assert len(to) == len(set(to)) == report.sent
    # The moderator's digest holds the member's own topic, the member's the moderator's posts;
    # the owner chose weekly digests for this space.
    assert {"membre@exemple.org", "animatrice@exemple.org"} <= set(to)
    assert "responsable@exemple.org" not in to
    sent_before = len(mailoutbox)
    again = send_digests("monthly", now=NOW)
    assert len(mailoutbox) == sent_before
    assert again.sent == 0 and again.already_sent == report.sent


def test_empty_digests_are_not_sent(space, member, mailoutbox):
    report = send_digests("monthly", now=NOW)
    assert mailoutbox == []
    assert report.empty >= 1
    assert not DigestDelivery.objects.exists()


def test_digest_email_content(activity, space, member, mailoutbox):
    send_digests("monthly", now=NOW)
    message = next(m for m in mailoutbox if m.to == ["membre@exemple.org"])
    assert message.subject.startswith("La veille de vos réseaux – octobre 2026")
    assert "Dérives sectaires" in message.body
    assert "Complotisme : 2 nouvelles réponses" in message.body
    assert "Sujet d'un autre espace" not in message.body
    assert "Mon propre sujet" not in message.body
    assert "Sujet masqué" not in message.body
    assert "Sujet de septembre" not in message.body
    assert "d&#x27;" not in message.body
    assert "http://testserver/extranet/peps/" in message.body
    html = message.alternatives[0][0]
    assert "Rencontre de novembre" in html


def test_send_digests_command_reports_what_it_did(activity, member):
    out = StringIO()
    call_command("send_digests", "--frequency", "monthly", "--date", "2026-11-03", stdout=out)
    text = out.getvalue()
    assert "Récapitulatifs mensuels du 01/10/2026 au 01/11/2026" in text
    assert "envoyé(s)" in text


def test_inactive_members_get_no_digest(activity, member, mailoutbox):
    member.is_active = False
    member.save()
    send_digests("monthly", now=NOW)
    assert ["membre@exemple.org"] not in [m.to for m in mailoutbox]


def test_meeting_before_period_is_not_listed(space, member, moderator):
    meeting = MeetingFactory(space=space, title="Ancienne")
    dated(OCTOBER - timedelta(days=60), meeting)
    assert build_digest(member, START, END).is_empty
