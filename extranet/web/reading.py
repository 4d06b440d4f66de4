"""Per-topic "unread" marker for topic lists (the space home).

Same definition as `extranet.forum.services.unread_counts_for` (which counts per space): a
topic is unread when its last activity is later than the member's last reading of it, or,
never opened, later than their arrival in the space. Annotated as subqueries, so the marker
costs no query per topic.
"""

from django.db.models import BooleanField, Case, F, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce

from extranet.forum.models import TopicReadState
from extranet.spaces.models import Membership


def with_unread_flag(user, space, topics):
    read_at = TopicReadState.objects.filter(user_id=user.pk, topic=OuterRef("pk")).values(
        "last_read_at"
    )[:1]
    joined_at = Membership.objects.filter(user_id=user.pk, space=space).values("joined_at")[:1]
    return topics.annotate(read_baseline=Coalesce(Subquery(read_at), Subquery(joined_at))).annotate(
        is_unread=Case(
            When(last_activity_at__gt=F("read_baseline"), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )
    )
