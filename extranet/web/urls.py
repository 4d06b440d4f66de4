"""URLs of the extranet UI, included by extranet/urls.py (namespace "extranet").

Every page of a space lives under `/extranet/<slug>/`; `extranet.accounts.urls` is included
first, so its fixed paths (connexion/, deconnexion/, mot-de-passe/, invitation/) can never be
taken by a space slug.
"""

from django.urls import path

from .views import (
    attendance,
    composer,
    documents,
    meetings,
    members,
    moderation,
    notifications,
    posts,
    search,
    spaces,
    topics,
    unsubscribe,
)

space = "<slug:slug>/"

urlpatterns = [
    path("", spaces.my_spaces, name="my_spaces"),
    # The member's notifications, across spaces ("notifications" is a reserved space slug).
    path("notifications/", notifications.notification_list, name="notification_list"),
    path("notifications/<int:pk>/", notifications.notification_open, name="notification_open"),
    path("desabonnement/<str:token>/", unsubscribe.unsubscribe, name="unsubscribe"),
    path(
        "notifications/tout-lire/",
        notifications.notifications_read_all,
        name="notifications_read_all",
    ),
    path(space, spaces.space_home, name="space_home"),
    path(space + "parametres/", spaces.space_settings, name="space_settings"),
    path(space + "recherche/", search.space_search, name="space_search"),
    # Forum
    path(space + "sujets/nouveau/", topics.topic_create, name="topic_create"),
    path(space + "sujets/<int:pk>/", topics.topic_detail, name="topic_detail"),
    path(space + "sujets/<int:pk>/titre/", topics.topic_rename, name="topic_rename"),
    path(space + "sujets/<int:pk>/epingler/", topics.topic_pin, name="topic_pin"),
    path(space + "sujets/<int:pk>/verrouiller/", topics.topic_lock, name="topic_lock"),
    path(
        space + "sujets/<int:pk>/premier-non-lu/",
        topics.topic_first_unread,
        name="topic_first_unread",
    ),
    path(
        space + "sujets/<int:pk>/notifications/",
        notifications.topic_notifications,
        name="topic_notifications",
    ),
    path(space + "messages/<int:pk>/modifier/", posts.post_edit, name="post_edit"),
    path(space + "messages/<int:pk>/supprimer/", posts.post_delete, name="post_delete"),
    path(space + "messages/<int:pk>/masquer/", posts.post_hide, name="post_hide"),
    path(space + "messages/<int:pk>/retablir/", posts.post_restore, name="post_restore"),
    path(space + "messages/<int:pk>/historique/", posts.post_history, name="post_history"),
    path(space + "messages/<int:pk>/citation/", composer.post_quote, name="post_quote"),
    path(space + "messages/<int:pk>/signaler/", moderation.post_flag, name="post_flag"),
    path(space + "moderation/", moderation.moderation_queue, name="moderation_queue"),
    path(space + "moderation/<int:pk>/masquer/", moderation.queue_hide, name="queue_hide"),
    path(space + "moderation/<int:pk>/retablir/", moderation.queue_restore, name="queue_restore"),
    path(space + "moderation/<int:pk>/classer/", moderation.queue_dismiss, name="queue_dismiss"),
    path(space + "messages/apercu/", composer.post_preview, name="post_preview"),
    path(
        space + "messages/pieces-jointes/",
        composer.attachment_upload,
        name="post_attachment_upload",
    ),
    path(space + "membres/suggestions/", composer.mention_suggestions, name="mention_suggestions"),
    # Documents
    path(space + "documents/", documents.document_list, name="document_list"),
    path(space + "documents/deposer/", documents.document_upload, name="document_upload"),
    path(space + "documents/<int:pk>/", documents.document_detail, name="document_detail"),
    path(
        space + "documents/<int:pk>/remplacer/",
        documents.document_replace,
        name="document_replace",
    ),
    path(
        space + "documents/<int:pk>/supprimer/", documents.document_delete, name="document_delete"
    ),
    path(space + "documents/<int:pk>/deplacer/", documents.document_move, name="document_move"),
    path(
        space + "documents/<int:pk>/telecharger/",
        documents.document_download,
        name="document_download",
    ),
    path(
        space + "documents/<int:pk>/versions/<int:version_pk>/telecharger/",
        documents.document_download,
        name="document_version_download",
    ),
    path(space + "documents/dossiers/", documents.folder_create, name="folder_create"),
    path(
        space + "documents/dossiers/<int:folder_pk>/",
        documents.document_list,
        name="folder_detail",
    ),
    path(
        space + "documents/dossiers/<int:folder_pk>/nouveau/",
        documents.folder_create,
        name="subfolder_create",
    ),
    path(
        space + "documents/dossiers/<int:folder_pk>/supprimer/",
        documents.folder_delete,
        name="folder_delete",
    ),
    # Meetings
    path(space + "rencontres/", meetings.meeting_list, name="meeting_list"),
    path(space + "rencontres/nouvelle/", meetings.meeting_create, name="meeting_create"),
    path(space + "rencontres/<int:pk>/", meetings.meeting_detail, name="meeting_detail"),
    path(space + "rencontres/<int:pk>/modifier/", meetings.meeting_edit, name="meeting_edit"),
    path(space + "rencontres/<int:pk>/supprimer/", meetings.meeting_delete, name="meeting_delete"),
    path(
        space + "rencontres/<int:pk>/inscription/",
        meetings.meeting_sign_up,
        name="meeting_sign_up",
    ),
    path(
        space + "rencontres/<int:pk>/desinscription/",
        meetings.meeting_cancel,
        name="meeting_cancel",
    ),
    # Who came, recorded by a moderator after the meeting (for the activity report).
    path(
        space + "rencontres/<int:pk>/presences/",
        attendance.meeting_attendance,
        name="meeting_attendance",
    ),
    # Notifications
    path(
        space + "notifications/",
        notifications.notification_settings,
        name="notification_settings",
    ),
    # Members
    path(space + "membres/", members.member_list, name="member_list"),
    path(space + "membres/inviter/", members.member_invite, name="member_invite"),
    # A member's card, where a mention of them leads (by account: a mention outlives a
    # membership left and taken again).
    path(space + "membres/fiche/<int:user_pk>/", members.member_card, name="member_card"),
    path(space + "membres/<int:pk>/retirer/", members.member_remove, name="member_remove"),
    path(space + "membres/<int:pk>/role/", members.member_change_role, name="member_role"),
    path(space + "quitter/", members.member_leave, name="member_leave"),
    path(
        space + "invitations/<int:pk>/annuler/",
        members.invitation_revoke,
        name="invitation_revoke",
    ),
]
