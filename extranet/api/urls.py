"""URLs of the extranet API, included at ``/api/extranet/`` (namespace "extranet_api").

Everything about a space lives under ``spaces/<space_slug>/``; the space is resolved first
(``views.base.SpaceScopedViewSet``), so a space the user may not see answers 404 on every
path below it. Any other path under ``/api/extranet/`` answers a JSON 404.
"""

from django.http import JsonResponse
from django.urls import path, re_path

from .views.attachments import AttachmentViewSet
from .views.auth import TokenView
from .views.documents import DocumentViewSet
from .views.folders import FolderViewSet
from .views.meetings import MeetingViewSet
from .views.members import InvitationViewSet, MembershipViewSet
from .views.moderation import ModerationViewSet
from .views.notifications import NotificationSettingsViewSet
from .views.posts import PostViewSet, TopicPostViewSet
from .views.spaces import SpaceViewSet
from .views.topics import TopicViewSet

app_name = "extranet_api"


def route(viewset, detail=False, **mapping):
    """``viewset.as_view`` for ``method=action`` pairs, with the options each action declares
    in its ``@action(...)`` (e.g. the download renderers), as a DRF router would pass them."""
    initkwargs = {"detail": detail}
    for name in mapping.values():
        initkwargs.update(getattr(getattr(viewset, name), "kwargs", {}))
    return viewset.as_view(mapping, **initkwargs)


def unknown_endpoint(request, *args, **kwargs):
    return JsonResponse({"detail": "Adresse introuvable dans l'API de l'extranet."}, status=404)


space = "spaces/<slug:space_slug>/"
topic = space + "topics/<int:pk>/"
post = space + "posts/<int:pk>/"
document = space + "documents/<int:pk>/"
folder = space + "folders/<int:pk>/"
meeting = space + "meetings/<int:pk>/"

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("spaces/", route(SpaceViewSet, get="list"), name="space-list"),
    path(
        space,
        route(SpaceViewSet, True, get="retrieve", patch="partial_update"),
        name="space-detail",
    ),
    # Forum
    path(space + "topics/", route(TopicViewSet, get="list", post="create"), name="topic-list"),
    path(
        topic,
        route(TopicViewSet, True, get="retrieve", patch="partial_update"),
        name="topic-detail",
    ),
    path(topic + "pin/", route(TopicViewSet, True, post="pin"), name="topic-pin"),
    path(topic + "unpin/", route(TopicViewSet, True, post="unpin"), name="topic-unpin"),
    path(topic + "lock/", route(TopicViewSet, True, post="lock"), name="topic-lock"),
    path(topic + "unlock/", route(TopicViewSet, True, post="unlock"), name="topic-unlock"),
    path(topic + "read/", route(TopicViewSet, True, post="read"), name="topic-read"),
    path(
        space + "topics/<int:topic_pk>/posts/",
        route(TopicPostViewSet, get="list", post="create"),
        name="topic-post-list",
    ),
    path(
        post,
        route(
            PostViewSet,
            True,
            get="retrieve",
            put="update",
            patch="partial_update",
            delete="destroy",
        ),
        name="post-detail",
    ),
    path(post + "hide/", route(PostViewSet, True, post="hide"), name="post-hide"),
    path(post + "restore/", route(PostViewSet, True, post="restore"), name="post-restore"),
    path(post + "history/", route(PostViewSet, True, get="history"), name="post-history"),
    path(post + "flag/", route(ModerationViewSet, True, post="flag"), name="post-flag"),
    path(space + "moderation/", route(ModerationViewSet, get="queue"), name="moderation-queue"),
    path(
        space + "moderation/<int:pk>/hide/",
        route(ModerationViewSet, True, post="hide"),
        name="moderation-hide",
    ),
    path(
        space + "moderation/<int:pk>/restore/",
        route(ModerationViewSet, True, post="restore"),
        name="moderation-restore",
    ),
    path(
        space + "moderation/<int:pk>/dismiss/",
        route(ModerationViewSet, True, post="dismiss"),
        name="moderation-dismiss",
    ),
    path(
        space + "attachments/",
        route(AttachmentViewSet, post="create"),
        name="attachment-list",
    ),
    # Documents
    path(
        space + "documents/",
        route(DocumentViewSet, get="list", post="create"),
        name="document-list",
    ),
    path(
        document,
        route(DocumentViewSet, True, get="retrieve", patch="partial_update", delete="destroy"),
        name="document-detail",
    ),
    path(
        document + "versions/",
        route(DocumentViewSet, True, post="versions"),
        name="document-versions",
    ),
    path(
        document + "download/",
        route(DocumentViewSet, True, get="download"),
        name="document-download",
    ),
    path(
        document + "versions/<int:version_pk>/download/",
        route(DocumentViewSet, True, get="download_version"),
        name="document-version-download",
    ),
    # Folders of the document library
    path(space + "folders/", route(FolderViewSet, get="list", post="create"), name="folder-list"),
    path(
        folder,
        route(FolderViewSet, True, get="retrieve", patch="partial_update", delete="destroy"),
        name="folder-detail",
    ),
    # Meetings
    path(
        space + "meetings/", route(MeetingViewSet, get="list", post="create"), name="meeting-list"
    ),
    path(
        meeting,
        route(MeetingViewSet, True, get="retrieve", patch="partial_update", delete="destroy"),
        name="meeting-detail",
    ),
    path(
        meeting + "registration/",
        route(MeetingViewSet, True, post="registration", delete="registration"),
        name="meeting-registration",
    ),
    # Members and invitations
    path(space + "memberships/", route(MembershipViewSet, get="list"), name="membership-list"),
    path(
        space + "memberships/<int:pk>/",
        route(MembershipViewSet, True, patch="partial_update", delete="destroy"),
        name="membership-detail",
    ),
    path(
        space + "invitations/",
        route(InvitationViewSet, get="list", post="create"),
        name="invitation-list",
    ),
    path(
        space + "invitations/<int:pk>/",
        route(InvitationViewSet, True, delete="destroy"),
        name="invitation-detail",
    ),
    # My notification settings
    path(
        space + "notification-settings/",
        route(
            NotificationSettingsViewSet,
            True,
            get="retrieve",
            put="update",
            patch="partial_update",
        ),
        name="notification-settings",
    ),
    # Anything else under /api/extranet/ ending with a slash (CommonMiddleware adds a missing
    # one first): JSON, not the site's HTML 404 page.
    re_path(r"^.*/$", unknown_endpoint),
]
