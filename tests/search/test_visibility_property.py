"""Property: whatever happens to a small site (pages moved, restricted, expired; posts hidden;
topics moved; members and editors revoked, in any order), what each person finds by
browsing the search is exactly what the permission code lets them open.

The expectation is asked of the permission code, never of search: pages from Wagtail's own
serving rule (live, in time, and every view restriction over the page lets the person in,
``accept_request`` with a fresh session: no password given) or from the admin's
(``cms.permissions.admin_page_paths``); topics and
posts from ``extranet.forum.permissions`` (a topic's opening post is carried by the topic, not
a result of its own; what only moderators open, hidden posts and emptied topics, is never a
result). On the database engine of the run (SQLite or PostgreSQL); the rules
themselves are tested on every engine in their own modules."""

import datetime
import re

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.db import transaction
from django.test import RequestFactory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import GroupPagePermission, Page, PageViewRestriction

from cms.permissions import admin_page_paths
from extranet.forum import permissions as forum_permissions
from extranet.forum.models import Post, Topic
from extranet.forum.services import hide_post, restore_post
from extranet.spaces.models import Membership
from extranet.spaces.roles import Role
from search import sync
from search.documents import plain_text
from search.service import search
from tests.factories.cms import make_dossier, make_editor, make_news, make_site_tree
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

#: The text of each reply of the world's topic (« Réponse 0 », « Réponse 1 »…).
REPLY_RE = re.compile(r"Réponse \d+")

OPERATIONS = [
    "restrict_news",
    "restrict_dossiers",
    "restrict_news_to_the_group",
    "protect_dossiers_with_a_password",
    "lift_restrictions",
    "move_news_page_to_dossiers",
    "expire_news_page",
    "schedule_dossier_page",
    "hide_opening_post",
    "hide_reply",
    "restore_posts",
    "move_topic",
    "revoke_member",
    "revoke_editor",
]


class _Rollback(Exception):
    pass


class World:
    """Two sections of pages, two spaces with a topic and its replies, and the people."""

    def __init__(self, monkeypatch):
        self.offset = datetime.timedelta()
        real_now = timezone.now
        monkeypatch.setattr(timezone, "now", lambda: real_now() + self.offset)
        self.tree = make_site_tree()
        self.news = make_news(self.tree.news_index, title="Laïcité : une actualité")
        self.dossier = make_dossier(self.tree.dossier_index, title="Laïcité : un dossier")
        self.space, self.other_space = (
            SpaceFactory(name="Réseau VRL", slug="vrl"),
            SpaceFactory(name="Réseau PRE", slug="pre"),
        )
        self.member, self.other_member = make_member(self.space), make_member(self.other_space)
        self.moderator = make_member(self.space, role=Role.MODERATOR)
        make_member(self.other_space, user=self.moderator, role=Role.MODERATOR)
        self.topic = make_topic(self.space, author=self.member, title="Laïcité : un sujet")
        for n in (1, 2):
            make_reply(self.topic, author=self.member, body=f"Réponse {n}")
        self.editor = make_editor(self.tree.news_index)
        self.group = Group.objects.create(name="Réseau VRL")
        self.member.groups.add(self.group)
        self.people = {
            "anonyme": AnonymousUser(),
            "membre du groupe": self.member,
            "membre d'un autre espace": self.other_member,
            "is_staff seul": UserFactory(is_staff=True),
            "rédaction des actualités": self.editor,
            "superutilisateur": UserFactory(is_staff=True, is_superuser=True),
        }

    def apply(self, operation):
        getattr(self, operation)()

    def restrict_news(self):
        PageViewRestriction.objects.create(page=self.tree.news_index, restriction_type="login")

    def restrict_dossiers(self):
        PageViewRestriction.objects.create(page=self.tree.dossier_index, restriction_type="login")

    def restrict_news_to_the_group(self):
        restriction = PageViewRestriction.objects.create(
            page=Page.objects.get(pk=self.news.pk), restriction_type="groups"
        )
        restriction.groups.add(self.group)

    def protect_dossiers_with_a_password(self):
        PageViewRestriction.objects.create(
            page=self.tree.dossier_index, restriction_type="password", password="secret"
        )

    def lift_restrictions(self):
        for restriction in PageViewRestriction.objects.all():
            restriction.delete()

    def move_news_page_to_dossiers(self):
        page = Page.objects.get(pk=self.news.pk)
        if page.get_parent().pk != self.tree.dossier_index.pk:
            page.move(self.tree.dossier_index, pos="last-child")

    def expire_news_page(self):
        expiry = timezone.now() + datetime.timedelta(minutes=1)
        Page.objects.filter(pk=self.news.pk, expire_at__isnull=True).update(expire_at=expiry)
        sync.record(self.news)
        sync.process_pending()
        self.offset += datetime.timedelta(hours=1)  # publish_scheduled has not run

    def schedule_dossier_page(self):
        go_live = timezone.now() + datetime.timedelta(days=1)
        Page.objects.filter(pk=self.dossier.pk).update(go_live_at=go_live)
        sync.record(self.dossier)

    def _posts(self):
        return list(Post.objects.filter(topic=self.topic).order_by("created_at", "pk"))

    def hide_opening_post(self):
        post = self._posts()[0]
        if not post.is_hidden:
            hide_post(post, self.moderator, "hors sujet")

    def hide_reply(self):
        post = self._posts()[-1]
        if not post.is_hidden:
            hide_post(post, self.moderator, "hors sujet")

    def restore_posts(self):
        for post in self._posts():
            if post.is_hidden:
                restore_post(post, self.moderator)

    def move_topic(self):
        topic = Topic.objects.get(pk=self.topic.pk)
        topic.space = self.other_space if topic.space_id == self.space.pk else self.space
        topic.save()

    def revoke_member(self):
        Membership.objects.filter(user=self.member, space=self.space).delete()

    def revoke_editor(self):
        GroupPagePermission.objects.filter(group__in=self.editor.groups.all()).delete()

    # --- what the permission code lets each person open -------------------------------------

    def openable(self, user):
        urls = set()
        request = RequestFactory().get("/")
        request.user, request.session = user, {}
        sections = admin_page_paths(user)
        for page in Page.objects.filter(pk__in=[self.news.pk, self.dossier.pk]):
            now = timezone.now()
            in_time = (page.go_live_at is None or page.go_live_at <= now) and (
                page.expire_at is None or page.expire_at > now
            )
            let_in = all(r.accept_request(request) for r in page.get_view_restrictions())
            in_sections = any(page.path.startswith(s) for s in sections)
            if page.live and in_time and (let_in or in_sections):
                urls.add(page.url)
        topic = Topic.objects.select_related("space").get(pk=self.topic.pk)
        # What moderators alone open (an emptied topic, a hidden post) is never searchable.
        if forum_permissions.can_view_topic(
            user, topic
        ) and forum_permissions.is_topic_shown_to_members(topic):
            urls.add(topic.get_absolute_url())
            # A topic and its posts are one result (#10 §2): each reply it shows is named
            # beside the topic's address.
            for post in self._posts():
                post.topic = topic
                text = plain_text(post.body)
                shown = post.is_visible and forum_permissions.can_view_post(user, post)
                if shown and REPLY_RE.fullmatch(text):
                    urls.add(f"{topic.get_absolute_url()} {text}")
        return urls

    def found(self, user):
        """The results' addresses, and beside a topic's the replies its text shows (the
        snippet of a search without words is the beginning of the text, all of it here)."""
        response = search(user, "", page_size=50)
        assert response.total == len(response.results)
        found = set()
        for result in response.results:
            found.add(result.url)
            found.update(f"{result.url} {reply}" for reply in REPLY_RE.findall(result.snippet))
        return found


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(st.sampled_from(OPERATIONS), max_size=6))
def test_what_each_person_finds_is_what_the_permission_code_lets_them_open(operations, monkeypatch):
    try:
        with transaction.atomic():
            with monkeypatch.context() as patched:
                world = World(patched)
                for operation in operations:
                    world.apply(operation)
                sync.process_pending()
                for name, user in world.people.items():
                    assert world.found(user) == world.openable(user), (name, operations)
            raise _Rollback
    except _Rollback:
        pass
