"""Periodic digests: what happened in a member's spaces during a period (the networks' watch).

``build_digest`` lists, for the spaces the member belongs to and may see (and only those):
new topics, topics with new replies (and how many), new or updated documents, and new
meetings; what the member did themselves is left out, and so is anything members cannot see
(hidden or deleted posts, topics emptied by moderation). It costs a constant number of queries
whatever the number of spaces.

``send_digests`` sends each member the digest of the spaces whose setting is the given
frequency, once per period (``DigestDelivery``), and skips empty digests.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from extranet.documents.models import Document, DocumentVersion
from extranet.forum.models import Post, Topic
from extranet.meetings.models import Meeting
from extranet.spaces.models import Membership
from extranet.spaces.permissions import my_spaces

from .emails import render_email, send_messages
from .links import absolute, settings_url
from .models import DEFAULT_DIGEST_FREQUENCY, DigestDelivery, DigestFrequency, SpaceSubscription
from .unsubscribe import unsubscribe_url

logger = logging.getLogger(__name__)


@dataclass
class SpaceDigest:
    space: object
    new_topics: list = field(default_factory=list)
    # (topic, number of new replies) for topics opened before the period.
    active_topics: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    meetings: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.new_topics or self.active_topics or self.documents or self.meetings)


@dataclass
class Digest:
    user: object
    period_start: datetime
    period_end: datetime
    spaces: list = field(default_factory=list)

    @property
    def is_empty(self):
        return all(space.is_empty for space in self.spaces)


def build_digest(user, period_start, period_end, spaces=None) -> Digest:
    """The digest of ``user`` for [period_start, period_end), limited to ``spaces`` (Space
    objects or ids) when given. Spaces the user does not belong to are never included."""
    visible = my_spaces(user).order_by("name")
    if spaces is not None:
        visible = visible.filter(pk__in=[getattr(space, "pk", space) for space in spaces])
    by_id = {space.pk: SpaceDigest(space=space) for space in visible}
    digest = Digest(user=user, period_start=period_start, period_end=period_end)
    if not by_id:
        return digest
    ids = list(by_id)
    in_period = {"created_at__gte": period_start, "created_at__lt": period_end}

    # Topics are listed only while members can see them (at least one visible post).
    new_topics = (
        Topic.objects.filter(space_id__in=ids, post_count__gt=0, **in_period)
        .exclude(author_id=user.pk)
        .order_by("created_at")
    )
    for topic in new_topics:
        by_id[topic.space_id].new_topics.append(topic)

    replies = (
        Post.objects.visible()
        .filter(topic__space_id__in=ids, topic__created_at__lt=period_start, **in_period)
        .exclude(author_id=user.pk)
        .order_by()
        .values("topic")
        .annotate(new_replies=Count("pk"))
    )
    reply_counts = {row["topic"]: row["new_replies"] for row in replies}
    for topic in Topic.objects.filter(pk__in=list(reply_counts)).order_by("-last_activity_at"):
        by_id[topic.space_id].active_topics.append((topic, reply_counts[topic.pk]))

    new_versions = DocumentVersion.objects.filter(document=OuterRef("pk"), **in_period).exclude(
        uploaded_by_id=user.pk
    )
    documents = (
        Document.objects.filter(space_id__in=ids)
        .filter(Exists(new_versions))
        .select_related("current_version")
        .order_by("-updated_at")
    )
    for document in documents:
        by_id[document.space_id].documents.append(document)

    meetings = (
        Meeting.objects.filter(space_id__in=ids, **in_period)
        .exclude(created_by_id=user.pk)
        .with_participant_count()
        .order_by("starts_at")
    )
    for meeting in meetings:
        by_id[meeting.space_id].meetings.append(meeting)

    digest.spaces = list(by_id.values())
    return digest


# --- periods and sending ------------------------------------------------------------------------


def digest_period(frequency, now=None) -> tuple[datetime, datetime]:
    """The last complete period before ``now``, in local time: yesterday, last week (Monday to
    Monday) or last month."""
    today = timezone.localdate(now or timezone.now())
    if frequency == DigestFrequency.DAILY:
        end = today
        start = end - timedelta(days=1)
    elif frequency == DigestFrequency.WEEKLY:
        end = today - timedelta(days=today.weekday())
        start = end - timedelta(days=7)
    elif frequency == DigestFrequency.MONTHLY:
        end = today.replace(day=1)
        start = (end - timedelta(days=1)).replace(day=1)
    else:
        raise ValueError(f"Fréquence de récapitulatif inconnue : {frequency}")
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), zone),
        timezone.make_aware(datetime.combine(end, time.min), zone),
    )


@dataclass
class DigestReport:
    period_start: datetime
    period_end: datetime
    sent: int = 0
    empty: int = 0
    already_sent: int = 0
    failed: int = 0


def subscribers(frequency) -> dict[int, list[int]]:
    """{user_id: [space_id, …]} of active members whose setting for those spaces is
    ``frequency`` (members without a setting have the default)."""
    # `.order_by()`: SpaceSubscription's Meta ordering would sort inside the subquery.
    chosen = (
        SpaceSubscription.objects.filter(user=OuterRef("user_id"), space=OuterRef("space_id"))
        .order_by()
        .values("digest_frequency")[:1]
    )
    rows = (
        Membership.objects.filter(user__is_active=True)
        .annotate(frequency=Coalesce(Subquery(chosen), Value(str(DEFAULT_DIGEST_FREQUENCY))))
        .filter(frequency=frequency)
        .values_list("user_id", "space_id")
        .order_by("user_id", "space_id")
    )
    spaces_by_user = defaultdict(list)
    for user_id, space_id in rows:
        spaces_by_user[user_id].append(space_id)
    return dict(spaces_by_user)


def digest_email(digest, frequency):
    context = {
        "recipient": digest.user,
        "digest": digest,
        "frequency": DigestFrequency(frequency),
        "spaces": [
            {
                "digest": space_digest,
                "url": absolute(space_url(space_digest.space)),
                "settings_url": settings_url(space_digest.space),
                "new_topics": [
                    (t, absolute(t.get_absolute_url())) for t in space_digest.new_topics
                ],
                "active_topics": [
                    (t, count, absolute(t.get_absolute_url()))
                    for t, count in space_digest.active_topics
                ],
                "documents": [(d, absolute(d.get_absolute_url())) for d in space_digest.documents],
                "meetings": [(m, absolute(m.get_absolute_url())) for m in space_digest.meetings],
            }
            for space_digest in digest.spaces
            if not space_digest.is_empty
        ],
        "last_day": digest.period_end - timedelta(seconds=1),
    }
    context["unsubscribe_url"] = unsubscribe_url(digest.user, frequency=frequency)
    return render_email("digest", context, digest.user.email)


def space_url(space):
    return reverse("extranet:space_home", kwargs={"slug": space.slug})


def send_digests(frequency, now=None, progress=None) -> DigestReport:
    """Send the ``frequency`` digests of the last complete period; idempotent per period.

    ``progress(done, total)`` is called after each member (the command shows it).
    """
    start, end = digest_period(frequency, now)
    report = DigestReport(period_start=start, period_end=end)
    spaces_by_user = subscribers(frequency)
    already = set(
        DigestDelivery.objects.filter(frequency=frequency, period_start=start).values_list(
            "user_id", flat=True
        )
    )
    users = get_user_model().objects.filter(pk__in=list(spaces_by_user)).order_by("pk")
    total = len(spaces_by_user)
    for done, user in enumerate(users.iterator(), start=1):
        if user.pk in already:
            report.already_sent += 1
        else:
            digest = build_digest(user, start, end, spaces=spaces_by_user[user.pk])
            if digest.is_empty:
                report.empty += 1
            else:
                _deliver(digest, frequency, report)
        if progress:
            progress(done, total)
    return report


def _deliver(digest, frequency, report):
    user, start = digest.user, digest.period_start
    try:
        # Recorded before sending: two runs racing never send a member the same period twice.
        with transaction.atomic():
            DigestDelivery.objects.create(
                user=user, frequency=frequency, period_start=start, period_end=digest.period_end
            )
    except IntegrityError:
        report.already_sent += 1
        return
    try:
        send_messages([digest_email(digest, frequency)])
    except Exception:
        # One unreachable mailbox must not stop the others; the next run retries this one.
        logger.exception("Récapitulatif non envoyé à %s", user.email)
        DigestDelivery.objects.filter(user=user, frequency=frequency, period_start=start).delete()
        report.failed += 1
    else:
        report.sent += 1
