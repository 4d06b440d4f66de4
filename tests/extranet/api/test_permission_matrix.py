"""Every role × every action of the extranet API × both spaces, with the expected status.

Read a cell as "<status in space> / <status in other_space>":
- 200/201/204: done (read, created, changed or deleted);
- 401: not authenticated (no token; a deactivated account's token or session no longer
  authenticates), with `WWW-Authenticate: Token`;
- 403: the user sees the space but may not do this (JSON French message);
- 404: the space, or the thing in it, does not exist for this user: never a 403.

Columns are the role fixtures of tests/extranet/conftest.py ("removed" is `removed_member`,
"inactive" is `inactive_member`, a deactivated account that still holds its membership).
`other_space` has an owner of its own and no member from the role fixtures. Requests carry
the user's API token. Each action also checks its effect: done when the status says so, and
nothing changed otherwise.

`restore_post` acts on a hidden post, which exists for moderators only: members get 404.
Folders: creating one is for whoever may deposit documents, renaming, moving and deleting
are moderation (extranet/documents/permissions.py); `folder_documents` is the documents list
filtered by a folder (`?folder=<id>`).
"""

import pytest

from extranet.documents.models import Document, Folder
from extranet.forum.models import Post, Topic
from extranet.meetings.models import Meeting, Registration
from extranet.notifications.models import SpaceSubscription
from extranet.spaces.models import Invitation, Membership, Space
from extranet.spaces.roles import Role
from tests.extranet.documents.samples import upload
from tests.factories.extranet import PostFactory, make_reply

from .conftest import api_url, furnish, token_client

MATRIX = """
action            anonymous outsider member  moderator owner   removed staff   inactive
view_space        401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
list_topics       401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
view_topic        401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
list_posts        401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
create_topic      401/401   404/404  201/404 201/404   201/404 404/404 201/201 401/401
reply             401/401   404/404  201/404 201/404   201/404 404/404 201/201 401/401
edit_own_post     401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
edit_other_post   401/401   404/404  403/404 200/404   200/404 404/404 200/200 401/401
delete_own_post   401/401   404/404  204/404 204/404   204/404 404/404 204/204 401/401
delete_other_post 401/401   404/404  403/404 403/404   403/404 404/404 403/403 401/401
hide_post         401/401   404/404  403/404 200/404   200/404 404/404 200/200 401/401
restore_post      401/401   404/404  404/404 200/404   200/404 404/404 200/200 401/401
pin               401/401   404/404  403/404 200/404   200/404 404/404 200/200 401/401
lock              401/401   404/404  403/404 200/404   200/404 404/404 200/200 401/401
list_documents    401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
upload            401/401   404/404  201/404 201/404   201/404 404/404 201/201 401/401
download          401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
delete_document   401/401   404/404  403/404 204/404   204/404 404/404 204/204 401/401
list_folders      401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
view_folder       401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
folder_documents  401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
create_folder     401/401   404/404  201/404 201/404   201/404 404/404 201/201 401/401
rename_folder     401/401   404/404  403/404 200/404   200/404 404/404 200/200 401/401
move_folder       401/401   404/404  403/404 200/404   200/404 404/404 200/200 401/401
delete_folder     401/401   404/404  403/404 204/404   204/404 404/404 204/204 401/401
list_meetings     401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
sign_up           401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
create_meeting    401/401   404/404  403/404 201/404   201/404 404/404 201/201 401/401
list_members      401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
invite            401/401   404/404  403/404 201/404   201/404 404/404 201/201 401/401
list_invitations  401/401   404/404  403/404 200/404   200/404 404/404 200/200 401/401
remove_member     401/401   404/404  403/404 204/404   204/404 404/404 204/204 401/401
leave_space       401/401   404/404  204/404 204/404   403/404 404/404 404/404 401/401
change_role       401/401   404/404  403/404 403/404   200/404 404/404 200/200 401/401
edit_space        401/401   404/404  403/404 403/404   200/404 404/404 200/200 401/401
notifications     401/401   404/404  200/404 200/404   200/404 404/404 200/200 401/401
"""

# Column headers shortened to fit the line; the role fixtures' names.
ROLE_FIXTURES = {"removed": "removed_member", "inactive": "inactive_member"}


def _parse(matrix):
    lines = [line.split() for line in matrix.strip().splitlines()]
    roles = [ROLE_FIXTURES.get(role, role) for role in lines[0][1:]]
    cases = []
    for action, *cells in lines[1:]:
        for role, cell in zip(roles, cells, strict=True):
            for which, expected in zip(("space", "other_space"), cell.split("/"), strict=True):
                cases.append(
                    pytest.param(role, action, which, int(expected), id=f"{role}-{action}-{which}")
                )
    return cases


def _own_post(world, user):
    """A post written by `user`: a real reply for those who may post in the space, an old row
    for the others (a removed member's former post), any post for anonymous visitors."""
    if not user.is_authenticated:
        return world.others_post
    if Membership.objects.filter(user=user, space=world.space).exists() and user.is_active:
        return make_reply(world.topic, author=user, body="Mon premier jet.")
    if user.is_superuser:
        return make_reply(world.topic, author=user, body="Mon premier jet.")
    return PostFactory(topic=world.topic, author=user, body="<p>Mon premier jet.</p>")


class Action:
    """One request and how to tell whether it took effect (`done`, None for reads)."""

    def __init__(self, method, url, data=None, done=None, fmt="json"):
        self.method, self.url, self.data, self.done, self.fmt = method, url, data, done, fmt


def _post(pk):
    return Post.objects.get(pk=pk)


def _actions(world, user):
    space, topic = world.space, world.topic
    own = _own_post(world, user)
    others, hidden, target = world.others_post, world.hidden_post, world.target
    own_membership = Membership.objects.filter(space=world.space, user_id=user.pk).first()
    folder, subfolder = world.folder, world.subfolder
    return {
        "view_space": Action("get", api_url("space-detail", space)),
        "list_topics": Action("get", api_url("topic-list", space)),
        "view_topic": Action("get", api_url("topic-detail", space, pk=topic.pk)),
        "list_posts": Action("get", api_url("topic-post-list", space, topic_pk=topic.pk)),
        "create_topic": Action(
            "post",
            api_url("topic-list", space),
            {"title": "Sujet de la matrice", "body": "Premier message"},
            lambda: Topic.objects.filter(space=space, title="Sujet de la matrice").exists(),
        ),
        "reply": Action(
            "post",
            api_url("topic-post-list", space, topic_pk=topic.pk),
            {"body": "Réponse de la matrice"},
            lambda: Post.objects.filter(body__contains="Réponse de la matrice").exists(),
        ),
        "edit_own_post": Action(
            "patch",
            api_url("post-detail", space, pk=own.pk),
            {"body": "Texte corrigé"},
            lambda: "Texte corrigé" in _post(own.pk).body,
        ),
        "edit_other_post": Action(
            "patch",
            api_url("post-detail", space, pk=others.pk),
            {"body": "Texte réécrit"},
            lambda: "Texte réécrit" in _post(others.pk).body,
        ),
        "delete_own_post": Action(
            "delete",
            api_url("post-detail", space, pk=own.pk),
            done=lambda: _post(own.pk).is_deleted,
        ),
        "delete_other_post": Action(
            "delete",
            api_url("post-detail", space, pk=others.pk),
            done=lambda: _post(others.pk).is_deleted,
        ),
        "hide_post": Action(
            "post",
            api_url("post-hide", space, pk=others.pk),
            {"reason": "Hors sujet"},
            lambda: _post(others.pk).is_hidden,
        ),
        "restore_post": Action(
            "post",
            api_url("post-restore", space, pk=hidden.pk),
            done=lambda: not _post(hidden.pk).is_hidden,
        ),
        "pin": Action(
            "post",
            api_url("topic-pin", space, pk=topic.pk),
            done=lambda: Topic.objects.get(pk=topic.pk).is_pinned,
        ),
        "lock": Action(
            "post",
            api_url("topic-lock", space, pk=topic.pk),
            done=lambda: Topic.objects.get(pk=topic.pk).is_locked,
        ),
        "list_documents": Action("get", api_url("document-list", space)),
        "upload": Action(
            "post",
            api_url("document-list", space),
            {"file": upload("Ordre du jour.pdf"), "title": "Ordre du jour"},
            lambda: Document.objects.filter(space=space, title="Ordre du jour").exists(),
            fmt="multipart",
        ),
        "download": Action("get", api_url("document-download", space, pk=world.document.pk)),
        "delete_document": Action(
            "delete",
            api_url("document-detail", space, pk=world.document.pk),
            done=lambda: not Document.objects.filter(pk=world.document.pk).exists(),
        ),
        "list_folders": Action("get", api_url("folder-list", space)),
        "view_folder": Action("get", api_url("folder-detail", space, pk=folder.pk)),
        "folder_documents": Action("get", api_url("document-list", space) + f"?folder={folder.pk}"),
        "create_folder": Action(
            "post",
            api_url("folder-list", space),
            {"name": "Dossier de la matrice", "parent": folder.pk},
            lambda: Folder.objects.filter(parent=folder, name="Dossier de la matrice").exists(),
        ),
        "rename_folder": Action(
            "patch",
            api_url("folder-detail", space, pk=folder.pk),
            {"name": "Dossier renommé"},
            lambda: Folder.objects.get(pk=folder.pk).name == "Dossier renommé",
        ),
        "move_folder": Action(
            "patch",
            api_url("folder-detail", space, pk=subfolder.pk),
            {"parent": None},
            lambda: Folder.objects.get(pk=subfolder.pk).parent_id is None,
        ),
        "delete_folder": Action(
            "delete",
            api_url("folder-detail", space, pk=folder.pk),
            # The sub-folder goes with it; the space's document stays.
            done=lambda: (
                not Folder.objects.filter(pk__in=[folder.pk, subfolder.pk]).exists()
                and Document.objects.filter(pk=world.document.pk).exists()
            ),
        ),
        "list_meetings": Action("get", api_url("meeting-list", space)),
        "sign_up": Action(
            "post",
            api_url("meeting-registration", space, pk=world.meeting.pk),
            done=lambda: Registration.objects.filter(
                meeting=world.meeting, user_id=user.pk
            ).exists(),
        ),
        "create_meeting": Action(
            "post",
            api_url("meeting-list", space),
            {
                "title": "Rencontre de la matrice",
                "starts_at": "2031-03-04T09:30:00+01:00",
                "ends_at": "2031-03-04T12:00:00+01:00",
                "place": "Maison de la cohésion sociale, Montpellier",
            },
            lambda: Meeting.objects.filter(space=space, title="Rencontre de la matrice").exists(),
        ),
        "list_members": Action("get", api_url("membership-list", space)),
        "invite": Action(
            "post",
            api_url("invitation-list", space),
            {"email": "nouvelle-venue@exemple.org", "role": Role.MEMBER},
            lambda: Invitation.objects.filter(
                space=space, email="nouvelle-venue@exemple.org"
            ).exists(),
        ),
        "list_invitations": Action("get", api_url("invitation-list", space)),
        "remove_member": Action(
            "delete",
            api_url("membership-detail", space, pk=target.pk),
            done=lambda: not Membership.objects.filter(pk=target.pk).exists(),
        ),
        # Leaving is deleting one's own membership; staff have none (404), the space's only
        # owner may not (403).
        "leave_space": Action(
            "delete",
            api_url("membership-detail", space, pk=own_membership.pk if own_membership else 0),
            done=lambda: (
                own_membership is not None
                and not Membership.objects.filter(pk=own_membership.pk).exists()
            ),
        ),
        "change_role": Action(
            "patch",
            api_url("membership-detail", space, pk=target.pk),
            {"role": Role.MODERATOR},
            lambda: Membership.objects.get(pk=target.pk).role == Role.MODERATOR,
        ),
        "edit_space": Action(
            "patch",
            api_url("space-detail", space),
            {"name": "Espace renommé", "description": "Nouvelle présentation"},
            lambda: Space.objects.get(pk=space.pk).name == "Espace renommé",
        ),
        "notifications": Action(
            "patch",
            api_url("notification-settings", space),
            {"level": "muted"},
            lambda: SpaceSubscription.objects.filter(
                space=space, user_id=user.pk, level="muted"
            ).exists(),
        ),
    }


@pytest.mark.parametrize(("role", "action", "which", "expected"), _parse(MATRIX))
def test_api_permission_matrix(db, request, role, action, which, expected):
    user = request.getfixturevalue(role)
    space = request.getfixturevalue(which)
    world = furnish(space)
    todo = _actions(world, user)[action]
    client = token_client(user)

    kwargs = {"format": todo.fmt} if todo.data is not None else {}
    response = getattr(client, todo.method)(todo.url, todo.data, **kwargs)

    assert response.status_code == expected, getattr(response, "data", response)
    if expected == 401:
        assert response["WWW-Authenticate"] == "Token"
    if expected in (403, 404, 401):
        assert isinstance(response.json()["detail"], str)
    if todo.done is not None:
        assert todo.done() is (expected < 300)


LISTED = {
    "anonymous": None,  # 401
    "outsider": [],
    "member": ["space"],
    "moderator": ["space"],
    "owner": ["space"],
    "removed_member": [],
    "staff": ["other_space", "space"],
    "inactive_member": None,  # 401
}


@pytest.mark.parametrize(("role", "expected"), LISTED.items(), ids=list(LISTED))
def test_spaces_listed_for_each_role(db, request, role, expected, space, other_space):
    user = request.getfixturevalue(role)
    response = token_client(user).get(api_url("space-list"), {"scope": "visible"})
    if expected is None:
        assert response.status_code == 401
        return
    assert response.status_code == 200
    slugs = sorted(item["slug"] for item in response.json()["results"])
    assert slugs == sorted(request.getfixturevalue(name).slug for name in expected)
