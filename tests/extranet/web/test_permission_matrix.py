"""Every role × every action of the web UI × both spaces, with the expected HTTP status.

Read a cell as "<status in space> / <status in other_space>":
- 200: the page is shown (GET); 302: the action was done and the browser redirected (POST);
- 403: the member sees the space but may not do this (French page);
- 404: the space (or the thing in it) does not exist for this user, never a 403;
- login: redirected to the login page (anonymous visitors, deactivated accounts).

Columns are the role fixtures of tests/extranet/conftest.py ("removed" is `removed_member`,
"inactive" is `inactive_member`, a deactivated account that still holds its membership).

`other_space` has an owner of its own and no member from the role fixtures. Each action
also checks its effect: done when the status says so, and nothing changed otherwise.
"""

import pytest

from extranet.documents.models import Document
from extranet.forum.models import Post, Topic
from extranet.meetings.models import Meeting, Registration
from extranet.notifications.models import SpaceSubscription
from extranet.spaces.models import Invitation, Membership, Space
from extranet.spaces.roles import Role
from tests.extranet.documents.samples import upload
from tests.factories.extranet import PostFactory, make_reply

from .conftest import assert_login_redirect, furnish, space_url

MATRIX = """
action          anonymous   outsider member  moderator owner   removed staff   inactive
view_home       login/login 404/404  200/404 200/404   200/404 404/404 200/200 login/login
view_topic      login/login 404/404  200/404 200/404   200/404 404/404 200/200 login/login
reply           login/login 404/404  302/404 302/404   302/404 404/404 302/302 login/login
create_topic    login/login 404/404  302/404 302/404   302/404 404/404 302/302 login/login
edit_own_post   login/login 404/404  302/404 302/404   302/404 404/404 302/302 login/login
edit_other_post login/login 404/404  403/404 302/404   302/404 404/404 302/302 login/login
hide_post       login/login 404/404  403/404 302/404   302/404 404/404 302/302 login/login
pin             login/login 404/404  403/404 302/404   302/404 404/404 302/302 login/login
lock            login/login 404/404  403/404 302/404   302/404 404/404 302/302 login/login
upload          login/login 404/404  302/404 302/404   302/404 404/404 302/302 login/login
download        login/login 404/404  200/404 200/404   200/404 404/404 200/200 login/login
view_members    login/login 404/404  200/404 200/404   200/404 404/404 200/200 login/login
invite          login/login 404/404  403/404 302/404   302/404 404/404 302/302 login/login
remove_member   login/login 404/404  403/404 302/404   302/404 404/404 302/302 login/login
leave_space     login/login 404/404  302/404 302/404   403/404 404/404 403/403 login/login
change_role     login/login 404/404  403/404 403/404   302/404 404/404 302/302 login/login
edit_settings   login/login 404/404  403/404 403/404   302/404 404/404 302/302 login/login
sign_up         login/login 404/404  302/404 302/404   302/404 404/404 302/302 login/login
create_meeting  login/login 404/404  403/404 302/404   302/404 404/404 302/302 login/login
notifications   login/login 404/404  302/404 302/404   302/404 404/404 302/302 login/login
"""


# Column headers shortened to fit the line; the role fixtures' names.
ROLE_FIXTURES = {"removed": "removed_member", "inactive": "inactive_member"}


def _parse(matrix):
    lines = [line.split() for line in matrix.strip().splitlines()]
    roles = [ROLE_FIXTURES.get(role, role) for role in lines[0][1:]]
    cases = []
    for action, *cells in lines[1:]:
        for role, cell in zip(roles, cells, strict=True):
            in_space, in_other = cell.split("/")
            cases.append(pytest.param(role, action, "space", in_space, id=f"{role}-{action}-space"))
            cases.append(
                pytest.param(
                    role, action, "other_space", in_other, id=f"{role}-{action}-other_space"
                )
            )
    return cases


def _own_post(world, user):
    """A post written by `user` in the space: a real reply for those who may post there, an old
    row for the others (a removed member's former post), any post for anonymous visitors."""
    if not user.is_authenticated:
        return world.others_post
    if Membership.objects.filter(user=user, space=world.space).exists() and user.is_active:
        return make_reply(world.topic, author=user, body="Mon premier jet.")
    return PostFactory(topic=world.topic, author=user, body="<p>Mon premier jet.</p>")


def _body(post_pk):
    return Post.objects.get(pk=post_pk).body


class Action:
    """One action: its request and how to tell whether it took effect."""

    def __init__(self, method, url, data=None, done=None):
        self.method, self.url, self.data, self.done = method, url, data, done


def _actions(world, user):
    space, topic = world.space, world.topic
    own = _own_post(world, user)
    others = world.others_post
    target = world.target
    own_membership = Membership.objects.filter(space=space, user_id=user.pk).first()
    return {
        "view_home": Action("get", space_url("space_home", space)),
        "view_topic": Action("get", space_url("topic_detail", space, pk=topic.pk)),
        "reply": Action(
            "post",
            space_url("topic_detail", space, pk=topic.pk),
            {"body": "Réponse de la matrice"},
            lambda: Post.objects.filter(body__contains="Réponse de la matrice").exists(),
        ),
        "create_topic": Action(
            "post",
            space_url("topic_create", space),
            {"title": "Sujet de la matrice", "body": "Premier message"},
            lambda: Topic.objects.filter(space=space, title="Sujet de la matrice").exists(),
        ),
        "edit_own_post": Action(
            "post",
            space_url("post_edit", space, pk=own.pk),
            {"body": "Texte corrigé"},
            lambda: "Texte corrigé" in _body(own.pk),
        ),
        "edit_other_post": Action(
            "post",
            space_url("post_edit", space, pk=others.pk),
            {"body": "Texte réécrit"},
            lambda: "Texte réécrit" in _body(others.pk),
        ),
        "hide_post": Action(
            "post",
            space_url("post_hide", space, pk=others.pk),
            {"reason": "Hors sujet"},
            lambda: Post.objects.get(pk=others.pk).is_hidden,
        ),
        "pin": Action(
            "post",
            space_url("topic_pin", space, pk=topic.pk),
            {"pinned": "1"},
            lambda: Topic.objects.get(pk=topic.pk).is_pinned,
        ),
        "lock": Action(
            "post",
            space_url("topic_lock", space, pk=topic.pk),
            {"locked": "1"},
            lambda: Topic.objects.get(pk=topic.pk).is_locked,
        ),
        "upload": Action(
            "post",
            space_url("document_upload", space),
            {"file": upload("Ordre du jour.pdf"), "title": "Ordre du jour"},
            lambda: Document.objects.filter(space=space, title="Ordre du jour").exists(),
        ),
        "download": Action("get", space_url("document_download", space, pk=world.document.pk)),
        "view_members": Action("get", space_url("member_list", space)),
        "invite": Action(
            "post",
            space_url("member_invite", space),
            {"email": "nouvelle-venue@exemple.org", "role": Role.MEMBER},
            lambda: Invitation.objects.filter(
                space=space, email="nouvelle-venue@exemple.org"
            ).exists(),
        ),
        "remove_member": Action(
            "post",
            space_url("member_remove", space, pk=target.pk),
            {},
            lambda: not Membership.objects.filter(pk=target.pk).exists(),
        ),
        # The `owner` fixture is the space's only owner: it may not leave. Staff see the
        # space without being members: nothing to leave (403, with the reason).
        "leave_space": Action(
            "post",
            space_url("member_leave", space),
            {},
            lambda: (
                own_membership is not None
                and not Membership.objects.filter(pk=own_membership.pk).exists()
            ),
        ),
        "change_role": Action(
            "post",
            space_url("member_role", space, pk=target.pk),
            {"role": Role.MODERATOR},
            lambda: Membership.objects.get(pk=target.pk).role == Role.MODERATOR,
        ),
        "edit_settings": Action(
            "post",
            space_url("space_settings", space),
            {"name": "Espace renommé", "description": "Nouvelle présentation"},
            lambda: Space.objects.get(pk=space.pk).name == "Espace renommé",
        ),
        "sign_up": Action(
            "post",
            space_url("meeting_sign_up", space, pk=world.meeting.pk),
            {},
            lambda: Registration.objects.filter(meeting=world.meeting, user_id=user.pk).exists(),
        ),
        "create_meeting": Action(
            "post",
            space_url("meeting_create", space),
            {
                "title": "Rencontre de la matrice",
                "starts_at": "14/03/2031 09:30",
                "ends_at": "14/03/2031 16:00",
                "place": "Carcassonne",
            },
            lambda: Meeting.objects.filter(space=space, title="Rencontre de la matrice").exists(),
        ),
        "notifications": Action(
            "post",
            space_url("notification_settings", space),
            {"level": "muted", "digest_frequency": "weekly"},
            lambda: SpaceSubscription.objects.filter(
                space=space, user_id=user.pk, level="muted"
            ).exists(),
        ),
    }


@pytest.mark.parametrize(("role", "action", "which", "expected"), _parse(MATRIX))
def test_web_permission_matrix(db, request, client, role, action, which, expected):
    user = request.getfixturevalue(role)
    world = furnish(request.getfixturevalue(which))
    step = _actions(world, user)[action]
    if user.is_authenticated:
        client.force_login(user)

    response = getattr(client, step.method)(step.url, step.data or {})

    if expected == "login":
        assert_login_redirect(response)
    else:
        assert response.status_code == int(expected), response.content[:500]
    if expected == "302":
        assert not response["Location"].startswith("/extranet/connexion/")
    if step.done is not None:
        assert step.done() is (expected == "302")
    if action == "download" and expected == "200":
        assert response["Content-Disposition"].startswith("attachment;")
