"""The figures of the networks' table: one function per figure, one query per function.

Each function takes the year and the ids of the spaces to count, and returns a dict
``{space_id: count}`` (spaces without anything to count are absent: read with ``.get(id, 0)``).
Every one is a single grouped query whatever the number of spaces, so the report costs the same
for two networks or sixty.

Rules, as R&T counts them in its activity report:
- members are memberships with the member role: the animators (moderators, owners) are R&T's
  project officers, not members of the network;
- members at year end: joined by 31 December and not gone by then (departures are remembered by
  ``reports.models.MembershipDeparture``, since a removal deletes the membership);
- meetings held: started during the year and over when the report is computed;
- participations: ``Meeting.participations`` of those meetings (recorded attendance, or a
  participation count, or the sign-ups while attendance is not recorded);
- topics, posts: opened or published during the year and still visible to members (hidden by a
  moderator or deleted by their author, they are not part of the network's exchanges);
- documents shared: deposited during the year and still in the space.
"""

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from django.db.models import Count
from django.utils import timezone

from extranet.documents.models import Document
from extranet.forum.models import Post, Topic
from extranet.meetings.models import Meeting
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role

from .models import MembershipDeparture
from .period import Year

SpaceIds = Iterable[int]


def _grouped(queryset, field="space_id", value="n") -> dict[int, int]:
    return {row[field]: row[value] or 0 for row in queryset}


def members_at_year_end(year: Year, space_ids: SpaceIds) -> dict[int, int]:
    space_ids = list(space_ids)
    present = _grouped(
        Membership.objects.filter(space_id__in=space_ids, role=Role.MEMBER, joined_at__lt=year.end)
        .order_by()
        .values("space_id")
        .annotate(n=Count("pk"))
    )
    gone_since = _grouped(
        MembershipDeparture.objects.filter(
            space_id__in=space_ids,
            role=Role.MEMBER,
            joined_at__lt=year.end,
            left_at__gte=year.end,
        )
        .order_by()
        .values("space_id")
        .annotate(n=Count("pk"))
    )
    return dict(Counter(present) + Counter(gone_since))


def new_members(year: Year, space_ids: SpaceIds) -> dict[int, int]:
    """Members who joined during the year, including those who have left since."""
    space_ids = list(space_ids)
    in_year = {"joined_at__gte": year.start, "joined_at__lt": year.end}
    staying = _grouped(
        Membership.objects.filter(space_id__in=space_ids, role=Role.MEMBER, **in_year)
        .order_by()
        .values("space_id")
        .annotate(n=Count("pk"))
    )
    gone = _grouped(
        MembershipDeparture.objects.filter(space_id__in=space_ids, role=Role.MEMBER, **in_year)
        .order_by()
        .values("space_id")
        .annotate(n=Count("pk"))
    )
    return dict(Counter(staying) + Counter(gone))


def _meetings_held(year: Year, space_ids: SpaceIds, now: datetime | None):
    return Meeting.objects.filter(
        space_id__in=list(space_ids),
        starts_at__gte=year.start,
        starts_at__lt=year.end,
        ends_at__lte=now or timezone.now(),
    ).order_by()


def meetings_held(year: Year, space_ids: SpaceIds, now: datetime | None = None) -> dict[int, int]:
    return _grouped(_meetings_held(year, space_ids, now).values("space_id").annotate(n=Count("pk")))


def participations(year: Year, space_ids: SpaceIds, now: datetime | None = None) -> dict[int, int]:
    """The sum of the held meetings' participations: one row per meeting (each with its
    correlated subqueries), summed here; one query whatever the number of spaces."""
    per_meeting = _meetings_held(year, space_ids, now).with_participations()
    totals: Counter = Counter()
    for space_id, count in per_meeting.values_list("space_id", "participations"):
        totals[space_id] += count or 0
    return dict(totals)


def meetings_without_attendance(
    year: Year, space_ids: SpaceIds, now: datetime | None = None
) -> dict[int, int]:
    """Held meetings whose attendance nobody recorded yet: their sign-ups stand in for the
    participations, so staff know which figures are still estimates."""
    return _grouped(
        _meetings_held(year, space_ids, now)
        .filter(attendance_recorded_at__isnull=True)
        .values("space_id")
        .annotate(n=Count("pk"))
    )


def topics_opened(year: Year, space_ids: SpaceIds) -> dict[int, int]:
    """Topics opened during the year that members still see a post of (a topic whose every
    post was hidden or deleted is no longer part of the exchanges)."""
    return _grouped(
        Topic.objects.filter(
            space_id__in=list(space_ids), created_at__gte=year.start, created_at__lt=year.end
        )
        .filter(post_count__gt=0)
        .order_by()
        .values("space_id")
        .annotate(n=Count("pk"))
    )


def posts_published(year: Year, space_ids: SpaceIds) -> dict[int, int]:
    """Posts (opening posts included, as the forum's own counter does) published during the
    year and still visible."""
    return _grouped(
        Post.objects.visible()
        .filter(
            topic__space_id__in=list(space_ids),
            created_at__gte=year.start,
            created_at__lt=year.end,
        )
        .order_by()
        .values("topic__space_id")
        .annotate(n=Count("pk")),
        field="topic__space_id",
    )


def documents_shared(year: Year, space_ids: SpaceIds) -> dict[int, int]:
    return _grouped(
        Document.objects.filter(
            space_id__in=list(space_ids), created_at__gte=year.start, created_at__lt=year.end
        )
        .order_by()
        .values("space_id")
        .annotate(n=Count("pk"))
    )
