"""`seed_extranet` builds the demo network spaces through the extranet's services.

Seeded once for the module (taxonomies first, so spaces link to their networks), twice in a
row, inside a transaction rolled back at the end, with files in throw-away directories.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from cms.demo.seed import seed_taxonomies
from extranet.demo import content
from extranet.demo.seed import seed_extranet
from extranet.documents.models import Document, DocumentVersion, Folder
from extranet.forum.models import Post, Topic
from extranet.meetings.models import Meeting, Registration
from extranet.spaces import permissions
from extranet.spaces.models import Membership, Space, SpaceUserObjectPermission
from extranet.spaces.roles import Role


def counts():
    return {
        "users": get_user_model().objects.count(),
        "spaces": Space.objects.count(),
        "memberships": Membership.objects.count(),
        "permissions": SpaceUserObjectPermission.objects.count(),
        "topics": Topic.objects.count(),
        "posts": Post.objects.count(),
        "folders": Folder.objects.count(),
        "documents": Document.objects.count(),
        "versions": DocumentVersion.objects.count(),
        "meetings": Meeting.objects.count(),
        "registrations": Registration.objects.count(),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    storage = tmp_path_factory.mktemp("seed-extranet")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=storage / "media", PRIVATE_MEDIA_ROOT=storage / "private"),
        transaction.atomic(),
    ):
        seed_taxonomies()
        mail.outbox = []
        before = counts()
        first = seed_extranet()
        after_first = counts()
        second = seed_extranet()
        after_second = counts()
        yield {
            "storage": storage,
            "before": before,
            "after_first": after_first,
            "after_second": after_second,
            "first": first,
            "second": second,
            "emails": len(mail.outbox),
        }
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def space(slug):
    return Space.objects.get(slug=slug)


def demo_member():
    return get_user_model().objects.get(email=content.DEMO_MEMBER.email)


def test_second_run_changes_nothing(seeded):
    assert seeded["after_first"]["posts"] > seeded["before"]["posts"]
    assert seeded["after_second"] == seeded["after_first"]
    assert seeded["second"].created == {}


def test_the_eight_spaces_exist_and_link_to_their_networks(seeded):
    assert Space.objects.count() == len(content.SPACES) == 8
    for spec in content.SPACES:
        if spec.network:
            assert space(spec.slug).network.slug == spec.network


def test_each_space_has_its_real_member_count_plus_its_animator(seeded):
    for spec in content.SPACES:
        memberships = Membership.objects.filter(space__slug=spec.slug)
        assert memberships.filter(role=Role.MEMBER).count() == spec.member_count, spec.slug
        moderators = memberships.filter(role=Role.MODERATOR)
        assert [m.user.email for m in moderators] == [content.animator(spec.animator).email]


def test_vrl_forum_has_250_members(seeded):
    assert (
        Membership.objects.filter(space__slug="forum-vrl-occitanie", role=Role.MEMBER).count()
        == 250
    )


def test_memberships_carry_their_guardian_permissions(seeded):
    assert SpaceUserObjectPermission.objects.count() >= 4 * Membership.objects.count()


def test_the_demo_member_sees_its_spaces_only(seeded, client):
    member = demo_member()
    assert member.check_password(content.DEMO_MEMBER_PASSWORD)
    spaces = set(member.space_memberships.values_list("space__slug", flat=True))
    assert spaces == set(content.DEMO_MEMBER_SPACES)
    assert permissions.can_view_space(member, space("reseau-peps"))
    assert not permissions.can_view_space(member, space("forum-vrl-occitanie"))
    client.force_login(member)
    assert client.get("/extranet/reseau-peps/").status_code == 200
    assert client.get("/extranet/forum-vrl-occitanie/").status_code == 404


def test_the_animator_moderates_and_invented_members_cannot_log_in(seeded):
    animator = get_user_model().objects.get(email=content.ANIMATOR_LOGIN)
    assert animator.check_password(content.DEMO_MEMBER_PASSWORD)
    assert permissions.can_moderate(animator, space("reseau-peps"))
    invented = get_user_model().objects.filter(email__endswith="@membres.example.org")
    assert invented.count() > 400
    assert not any(user.has_usable_password() for user in invented)


def test_topics_posts_and_counters_follow_the_content(seeded):
    for spec in content.SPACES:
        topics = Topic.objects.filter(space__slug=spec.slug)
        assert topics.count() == len(spec.topics)
        for topic_spec in spec.topics:
            topic = topics.get(title=topic_spec.title)
            posts = list(topic.posts.order_by("created_at", "pk"))
            assert len(posts) == len(topic_spec.posts) == topic.post_count
            assert topic.last_post_id == posts[-1].pk
            assert topic.last_activity_at == posts[-1].created_at
            assert topic.is_pinned == topic_spec.pinned
            assert topic.is_locked == topic_spec.locked


def test_posts_are_spread_over_the_past(seeded):
    now = timezone.now()
    stamps = list(Post.objects.values_list("created_at", flat=True))
    assert max(stamps) <= now
    assert (now - min(stamps)).days > 180


def test_demo_posts_were_sanitised_by_the_forum(seeded):
    assert not Post.objects.filter(body__icontains="<script").exists()
    assert Post.objects.filter(body__startswith="<p>").count() == Post.objects.count()


def test_documents_were_uploaded_with_valid_files(seeded, settings):
    settings.PRIVATE_MEDIA_ROOT = seeded["storage"] / "private"
    expected = sum(len(spec.documents) for spec in content.SPACES)
    assert Document.objects.count() == expected
    pdf = Document.objects.filter(current_version__original_name__endswith=".pdf").first()
    with pdf.current_version.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert Folder.objects.filter(space__slug="reseau-peps", name="Rencontres").exists()


def test_each_space_has_an_upcoming_meeting_with_sign_ups(seeded):
    for spec in content.SPACES:
        upcoming = Meeting.objects.filter(space__slug=spec.slug, starts_at__gt=timezone.now())
        assert upcoming.exists(), spec.slug
    meeting = Meeting.objects.get(space__slug="reseau-peps", title__contains="dérives")
    assert meeting.registrations.count() == 10
    assert "<li>" in meeting.agenda


def test_nobody_is_emailed_about_the_demo_history(seeded):
    assert seeded["emails"] == 0


def test_the_printed_logins_are_the_demo_accounts(seeded):
    emails = [email for _label, email, _password in seeded["first"].logins]
    assert emails == [content.DEMO_MEMBER.email, content.ANIMATOR_LOGIN]
