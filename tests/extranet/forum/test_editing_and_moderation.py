"""Editing with history, soft deletion, hiding/restoring, pinning and locking."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from extranet.forum.models import PostRevision, RevisionKind, Topic
from extranet.forum.services import (
    delete_post,
    edit_post,
    hide_post,
    rename_topic,
    restore_post,
    set_locked,
    set_pinned,
)
from tests.factories.extranet import make_member, make_reply, make_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(space, member):
    return make_topic(space, member, body="Version initiale")


@pytest.fixture
def first_post(topic):
    return topic.posts.get()


def test_author_edits_own_post_and_the_previous_body_is_kept(first_post, member):
    edited = edit_post(first_post, member, "Version corrigée")
    assert edited.body == "<p>Version corrigée</p>"
    assert edited.edited_at is not None
    revision = PostRevision.objects.get(post=first_post)
    assert revision.body == "<p>Version initiale</p>"
    assert revision.editor == member
    assert revision.kind == RevisionKind.EDIT


def test_edit_is_sanitised(first_post, member):
    assert edit_post(first_post, member, "<img src=x onerror=alert(1)>ok").body == "<p>ok</p>"


def test_edit_without_change_leaves_no_revision(first_post, member):
    edit_post(first_post, member, "Version initiale")
    assert not PostRevision.objects.exists()
    assert first_post.edited_at is None


def test_member_cannot_edit_someone_elses_post(space, first_post):
    other = make_member(space)
    with pytest.raises(PermissionDenied):
        edit_post(first_post, other, "Piraté")


def test_moderator_edits_any_post(first_post, moderator):
    assert edit_post(first_post, moderator, "Reformulé").body == "<p>Reformulé</p>"
    assert PostRevision.objects.get().editor == moderator


def test_removed_author_can_no_longer_edit_and_gets_404(space, first_post, member):
    member.space_memberships.get(space=space).delete()
    with pytest.raises(Http404):
        edit_post(first_post, member, "Après départ")


def test_author_cannot_edit_in_a_locked_topic_but_moderator_can(
    topic, first_post, member, moderator
):
    set_locked(topic, moderator)
    with pytest.raises(PermissionDenied):
        edit_post(first_post, member, "Tard")
    assert edit_post(first_post, moderator, "Correction").body == "<p>Correction</p>"


def test_author_deletes_own_post_softly(topic, member):
    answer = make_reply(topic, member, "À retirer")
    deleted = delete_post(answer, member)
    assert deleted.deleted_at is not None
    assert deleted.body == ""
    revision = PostRevision.objects.get(post=answer)
    assert (revision.kind, revision.body) == (RevisionKind.DELETION, "<p>À retirer</p>")
    topic.refresh_from_db()
    assert topic.post_count == 1
    assert topic.last_post == topic.posts.order_by("created_at").first()


def test_deleted_post_cannot_be_deleted_or_edited_again(topic, member):
    answer = make_reply(topic, member)
    delete_post(answer, member)
    with pytest.raises(Http404):  # members no longer see it at all
        delete_post(answer, member)
    with pytest.raises(Http404):
        edit_post(answer, member, "Retour")


def test_only_authors_delete_moderators_hide(first_post, moderator):
    with pytest.raises(PermissionDenied):
        delete_post(first_post, moderator)


def test_moderator_hides_with_a_reason_and_counters_follow(topic, first_post, moderator, member):
    answer = make_reply(topic, member, "Hors sujet")
    hidden = hide_post(answer, moderator, "Propos hors charte")
    assert hidden.is_hidden
    assert (hidden.hidden_by, hidden.hidden_reason) == (moderator, "Propos hors charte")
    assert hidden.hidden_at is not None
    topic.refresh_from_db()
    assert topic.post_count == 1
    assert topic.last_post == first_post
    assert topic.last_activity_at == first_post.created_at


def test_hiding_needs_a_reason(first_post, moderator):
    with pytest.raises(ValidationError) as caught:
        hide_post(first_post, moderator, "  ")
    assert caught.value.message_dict == {"reason": ["Indiquez le motif du masquage."]}


def test_restore_shows_the_post_again(topic, moderator, member):
    answer = make_reply(topic, member)
    hide_post(answer, moderator, "Vérification")
    restored = restore_post(answer, moderator)
    assert not restored.is_hidden
    assert restored.hidden_reason == ""
    topic.refresh_from_db()
    assert (topic.post_count, topic.last_post) == (2, answer)


@pytest.mark.parametrize("role", ["member", "owner"])
def test_hide_permission_follows_the_moderation_right(request, first_post, role):
    user = request.getfixturevalue(role)
    if role == "owner":
        assert hide_post(first_post, user, "Motif").is_hidden
    else:
        with pytest.raises(PermissionDenied):
            hide_post(first_post, user, "Motif")


def test_outsider_cannot_hide_and_gets_404(first_post, outsider):
    with pytest.raises(Http404):
        hide_post(first_post, outsider, "Motif")


def test_moderator_of_another_space_gets_404(first_post, other_space):
    elsewhere = make_member(other_space, role="moderator")
    with pytest.raises(Http404):
        hide_post(first_post, elsewhere, "Motif")


def test_hidden_post_cannot_be_edited_by_its_author(first_post, moderator, member):
    hide_post(first_post, moderator, "Motif")
    with pytest.raises(Http404):
        edit_post(first_post, member, "Je corrige")


def test_moderator_pins_and_locks(topic, moderator):
    set_pinned(topic, moderator)
    set_locked(topic, moderator)
    topic.refresh_from_db()
    assert topic.is_pinned and topic.is_locked
    set_pinned(topic, moderator, False)
    set_locked(topic, moderator, False)
    topic.refresh_from_db()
    assert not topic.is_pinned and not topic.is_locked


def test_member_cannot_pin_or_lock(topic, member):
    with pytest.raises(PermissionDenied):
        set_pinned(topic, member)
    with pytest.raises(PermissionDenied):
        set_locked(topic, member)
    assert not Topic.objects.filter(is_pinned=True).exists()


def test_pinned_topics_list_first(space, member, moderator):
    old = make_topic(space, member, title="Ancien")
    make_topic(space, member, title="Récent")
    set_pinned(old, moderator)
    assert [t.title for t in Topic.objects.filter(space=space).in_display_order()] == [
        "Ancien",
        "Récent",
    ]


def test_author_renames_own_topic_member_cannot_rename_others(space, topic, member):
    assert rename_topic(topic, member, "Nouveau titre").title == "Nouveau titre"
    with pytest.raises(PermissionDenied):
        rename_topic(topic, make_member(space), "Autre")
