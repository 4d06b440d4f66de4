"""The topic page is a per-member fragment cached under the versions of what it shows.

Each invalidation test first checks that a second view is served from the cache (it reads no
post), then makes one change through its write path and checks the next view shows it: if
that path stopped bumping the version the key reads, the stale fragment would be served and
the test would fail.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from extranet.forum import services as forum_services
from extranet.forum.models import Post, Topic
from extranet.spaces import services as space_services
from extranet.spaces.models import Membership, Space, SpaceUserObjectPermission
from extranet.spaces.roles import Role
from extranet.web import fragments
from tests.factories.extranet import SpaceFactory, make_member, make_reply, make_topic

from .conftest import assert_login_redirect, space_url

pytestmark = pytest.mark.django_db


def _view(client, space, topic, status=200):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(space_url("topic_detail", space, pk=topic.pk))
    assert response.status_code == status
    sqls = [query["sql"] for query in captured]
    # Reading the thread selects FROM the posts; the moderators' count of open flags only joins
    # them (it is part of the key, so it runs on every view).
    return response.content.decode(), any('FROM "forum_post"' in sql for sql in sqls)


def _warm(client, space, topic):
    """View the topic twice; the second view comes from the cache. Returns its HTML."""
    _view(client, space, topic)
    page, read_posts = _view(client, space, topic)
    assert not read_posts, "the second view should be served from the cached fragment"
    return page


@pytest.fixture
def thread(space, owner, moderator):
    author = make_member(space, first_name="Noor", last_name="Autrice", organisation="CCAS")
    topic = make_topic(space, author=author, title="Marginalité", body="Premier message")
    reply = make_reply(topic, author=author, body="Une réponse de Noor")
    return topic, author, reply


# --- each write path changes the next view ---------------------------------------------------


def test_a_new_reply_shows_at_once(client, space, member, thread):
    topic, author, _ = thread
    client.force_login(member)
    _warm(client, space, topic)
    make_reply(topic, author=author, body="Une toute nouvelle réponse")
    assert "Une toute nouvelle réponse" in _view(client, space, topic)[0]


def test_an_edited_post_shows_its_new_text(client, space, member, thread):
    topic, author, reply = thread
    client.force_login(member)
    _warm(client, space, topic)
    forum_services.edit_post(reply, author, "Texte corrigé par Noor")
    page = _view(client, space, topic)[0]
    assert "Texte corrigé par Noor" in page
    assert "Une réponse de Noor" not in page


def test_a_hidden_post_becomes_a_placeholder_then_comes_back_when_restored(
    client, space, member, moderator, thread
):
    topic, _, reply = thread
    client.force_login(member)
    _warm(client, space, topic)
    forum_services.hide_post(reply, moderator, "Hors charte")
    page = _view(client, space, topic)[0]
    assert "Une réponse de Noor" not in page
    assert "Message masqué par la modération." in page

    _warm(client, space, topic)
    forum_services.restore_post(reply, moderator)
    assert "Une réponse de Noor" in _view(client, space, topic)[0]


def test_a_post_deleted_by_its_author_disappears(client, space, member, thread):
    topic, author, reply = thread
    client.force_login(member)
    _warm(client, space, topic)
    forum_services.delete_post(reply, author)
    assert "Une réponse de Noor" not in _view(client, space, topic)[0]


def test_a_post_deleted_for_good_disappears(client, space, member, thread):
    topic, _, reply = thread
    client.force_login(member)
    _warm(client, space, topic)
    Post.objects.get(pk=reply.pk).delete()
    assert "Une réponse de Noor" not in _view(client, space, topic)[0]


def test_pinning_shows_the_tag(client, space, member, moderator, thread):
    topic = thread[0]
    client.force_login(member)
    assert "Épinglé" not in _warm(client, space, topic)
    forum_services.set_pinned(topic, moderator, True)
    assert "Épinglé" in _view(client, space, topic)[0]


def test_locking_removes_the_reply_form(client, space, member, moderator, thread):
    topic = thread[0]
    client.force_login(member)
    assert "Publier la réponse" in _warm(client, space, topic)
    forum_services.set_locked(topic, moderator, True)
    page = _view(client, space, topic)[0]
    assert "Publier la réponse" not in page
    assert "Ce sujet est verrouillé" in page


def test_a_renamed_topic_shows_its_new_title(client, space, member, moderator, thread):
    topic = thread[0]
    client.force_login(member)
    _warm(client, space, topic)
    forum_services.rename_topic(topic, moderator, "Tranquillité publique")
    assert "<h1>Tranquillité publique</h1>" in _view(client, space, topic)[0]


def test_a_topic_changed_in_the_admin_shows_the_change(client, space, member, thread):
    topic = thread[0]
    client.force_login(member)
    _warm(client, space, topic)
    admin_copy = Topic.objects.get(pk=topic.pk)
    admin_copy.title = "Titre changé par l'équipe"
    admin_copy.is_locked = True
    admin_copy.save()
    page = _view(client, space, topic)[0]
    assert "<h1>Titre changé par l&#x27;équipe</h1>" in page
    assert "Publier la réponse" not in page


def test_an_author_renamed_in_their_profile_shows_with_the_new_name(client, space, member, thread):
    topic, author, _ = thread
    client.force_login(member)
    assert "Noor Autrice" in _warm(client, space, topic)
    author.last_name = "Nouveau-Nom"
    author.organisation = "Mairie de Béziers"
    author.save()
    page = _view(client, space, topic)[0]
    assert "Noor Nouveau-Nom" in page
    assert "Mairie de Béziers" in page


def test_an_organisation_saved_alone_shows_too(client, space, member, thread):
    topic, author, _ = thread
    client.force_login(member)
    _warm(client, space, topic)
    author.organisation = "Centre social des Arceaux"
    author.save(update_fields=["organisation"])
    assert "Centre social des Arceaux" in _view(client, space, topic)[0]


def test_a_login_of_the_author_does_not_invalidate_the_page(client, space, member, thread):
    topic, author, _ = thread
    client.force_login(member)
    _warm(client, space, topic)
    Client().force_login(author)  # saves last_login only
    assert not _view(client, space, topic)[1]


def test_a_deleted_author_shows_as_a_former_member(client, space, member, thread):
    topic, author, _ = thread
    client.force_login(member)
    _warm(client, space, topic)
    get_user_model().objects.get(pk=author.pk).delete()
    page = _view(client, space, topic)[0]
    assert "Noor Autrice" not in page
    assert "Un·e ancien·ne membre" in page


def test_a_member_promoted_moderator_gets_the_moderation_buttons(
    client, space, member, owner, thread
):
    topic = thread[0]
    client.force_login(member)
    assert "Masquer" not in _warm(client, space, topic)
    membership = Membership.objects.get(user=member, space=space)
    space_services.change_role(by=owner, membership=membership, role=Role.MODERATOR)
    page = _view(client, space, topic)[0]
    assert "Masquer" in page
    assert "Verrouiller le sujet" in page


def test_archiving_the_space_removes_the_reply_form(client, space, member, thread):
    topic = thread[0]
    client.force_login(member)
    assert "Publier la réponse" in _warm(client, space, topic)
    archived = Space.objects.get(pk=space.pk)
    archived.is_archived = True
    archived.save()
    assert "Publier la réponse" not in _view(client, space, topic)[0]


def test_a_new_slug_changes_the_links(client, space, member, thread):
    topic, _, reply = thread
    client.force_login(member)
    _warm(client, space, topic)
    space.slug = "peps-occitanie"
    space.save()
    page = _view(client, space, topic)[0]
    assert "/extranet/peps-occitanie/" in page
    assert "/extranet/peps/" not in page


def test_a_renamed_space_shows_in_the_breadcrumb_and_sections(client, space, member, thread):
    topic = thread[0]
    client.force_login(member)
    _warm(client, space, topic)
    renamed = Space.objects.get(pk=space.pk)
    renamed.name = "Réseau PEP'S Occitanie"
    renamed.save()
    page = _view(client, space, topic)[0]
    assert 'aria-label="Rubriques de l\'espace Réseau PEP&#x27;S Occitanie"' in page
    assert page.count("Réseau PEP&#x27;S Occitanie") >= 3  # title, breadcrumb, sections


# --- access is decided before the cache ------------------------------------------------------


def test_a_removed_member_gets_a_404_despite_a_warm_cache(client, space, member, owner, thread):
    topic = thread[0]
    client.force_login(member)
    _warm(client, space, topic)
    space_services.remove_member(by=owner, membership=Membership.objects.get(user=member))
    page, read_posts = _view(client, space, topic, status=404)
    assert "Marginalité" not in page
    assert not read_posts


def test_a_deactivated_member_is_sent_to_login_despite_a_warm_cache(client, space, member, thread):
    topic = thread[0]
    client.force_login(member)
    _warm(client, space, topic)
    get_user_model().objects.filter(pk=member.pk).update(is_active=False)
    assert_login_redirect(client.get(space_url("topic_detail", space, pk=topic.pk)))


def test_a_revoked_view_permission_gives_a_404_despite_a_warm_cache(client, space, member, thread):
    topic = thread[0]
    client.force_login(member)
    _warm(client, space, topic)
    SpaceUserObjectPermission.objects.filter(user=member, content_object=space).delete()
    _view(client, space, topic, status=404)


def test_an_emptied_topic_is_a_404_for_members_despite_a_warm_cache(
    client, space, member, moderator, thread
):
    topic, author, reply = thread
    client.force_login(member)
    _warm(client, space, topic)
    forum_services.hide_post(reply, moderator, "Hors charte")
    forum_services.hide_post(Post.objects.filter(topic=topic).first(), moderator, "Hors charte")
    _view(client, space, topic, status=404)


# --- fragments are per member ----------------------------------------------------------------


def test_own_post_buttons_are_never_served_to_another_member(space, member, thread):
    topic, author, reply = thread
    noor, camille = Client(), Client()
    noor.force_login(author)
    camille.force_login(member)
    edit_link = space_url("post_edit", space, pk=reply.pk)
    assert edit_link in _warm(noor, space, topic)
    page, read_posts = _view(camille, space, topic)
    assert read_posts  # computed for Camille, not Noor's fragment
    assert edit_link not in page
    assert edit_link in _view(noor, space, topic)[0]


def test_a_hidden_post_shown_to_a_moderator_is_never_served_to_a_member(
    space, member, moderator, thread
):
    topic, _, reply = thread
    forum_services.hide_post(reply, moderator, "Propos injurieux")
    sacha, camille = Client(), Client()
    sacha.force_login(moderator)
    camille.force_login(member)
    assert "Une réponse de Noor" in _warm(sacha, space, topic)
    page = _view(camille, space, topic)[0]
    assert "Une réponse de Noor" not in page
    assert "Propos injurieux" not in page


def test_pages_of_a_topic_are_cached_apart(client, space, member, thread):
    topic, author, _ = thread
    for number in range(25):
        make_reply(topic, author=author, body=f"Réponse numéro {number}")
    client.force_login(member)
    url = space_url("topic_detail", space, pk=topic.pk)
    first = client.get(url).content.decode()
    second = client.get(url + "?page=2").content.decode()
    assert "Réponse numéro 24" in second and "Réponse numéro 24" not in first
    assert "Réponse numéro 24" not in client.get(url).content.decode()


# --- CSRF tokens are never cached ------------------------------------------------------------

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def test_forms_of_a_cached_fragment_carry_this_session_s_token(space, moderator, thread):
    topic, _, reply = thread
    forum_services.hide_post(reply, moderator, "Hors charte")  # a "Rétablir" form per post
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first.force_login(moderator)
    second.force_login(moderator)
    _warm(first, space, topic)
    page, read_posts = _view(second, space, topic)
    assert not read_posts  # the same member: the same fragment, from the cache
    tokens = set(TOKEN.findall(page))
    assert len(tokens) == 1  # the layout's and the fragment's forms share this request's
    response = second.post(
        space_url("topic_detail", space, pk=topic.pk),
        {
            "body": "Réponse postée avec le jeton de cette session",
            "csrfmiddlewaretoken": tokens.pop(),
        },
    )
    assert response.status_code == 302


class RecordingCache:
    def __init__(self, real):
        self.real, self.stored = real, []

    def get(self, key):
        return self.real.get(key)

    def set(self, key, value, timeout):
        self.stored.append(value)
        self.real.set(key, value, timeout)


def test_the_cache_holds_no_token(space, moderator, thread, monkeypatch):
    topic, _, reply = thread
    forum_services.hide_post(reply, moderator, "Hors charte")
    recording = RecordingCache(fragments.cache)
    monkeypatch.setattr(fragments, "cache", recording)
    client = Client()
    client.force_login(moderator)
    page = client.get(space_url("topic_detail", space, pk=topic.pk)).content.decode()
    ((placeholder, html),) = recording.stored
    tokens = set(TOKEN.findall(page))
    assert tokens
    for token in tokens:
        assert token not in html
    assert placeholder in html
    assert placeholder not in page


# --- failures and query counts ---------------------------------------------------------------


class BrokenCache:
    def get(self, *args, **kwargs):
        raise ConnectionError("Redis injoignable")

    set = get


def test_a_cache_outage_still_serves_the_page(client, space, member, thread, monkeypatch):
    topic = thread[0]
    monkeypatch.setattr(fragments, "cache", BrokenCache())
    client.force_login(member)
    page, read_posts = _view(client, space, topic)
    assert "Une réponse de Noor" in page and read_posts


def _warm_queries(client, space, topic):
    _view(client, space, topic)
    with CaptureQueriesContext(connection) as captured:
        client.get(space_url("topic_detail", space, pk=topic.pk))
    return len(captured)


def test_warm_query_count_does_not_grow_with_the_number_of_posts(client, member):
    space = SpaceFactory(slug="compte")
    make_member(space, user=member)
    short, long = make_topic(space, title="Court"), make_topic(space, title="Long")
    for _ in range(2):
        make_reply(short)
    for _ in range(25):
        make_reply(long)
    client.force_login(member)
    assert _warm_queries(client, space, short) == _warm_queries(client, space, long)


def test_a_cold_view_reads_the_posts_and_a_warm_one_does_not(client, space, moderator, thread):
    """Keeps ``_view``'s detection honest: it sees the thread being read when it is."""
    topic, _, _ = thread
    client.force_login(moderator)
    assert _view(client, space, topic)[1]
    assert not _view(client, space, topic)[1]
