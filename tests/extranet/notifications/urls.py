"""The extranet URL names e-mails link to, without the UI's views (tests of e-mails only)."""

from django.http import HttpResponse
from django.urls import include, path


def stub(request, **kwargs):
    return HttpResponse()


extranet = (
    [
        path("", stub, name="my_spaces"),
        path("desabonnement/<str:token>/", stub, name="unsubscribe"),
        path("<slug:slug>/", stub, name="space_home"),
        path("<slug:slug>/notifications/", stub, name="notification_settings"),
        path("<slug:slug>/sujets/<int:pk>/", stub, name="topic_detail"),
        path("<slug:slug>/documents/<int:pk>/telecharger/", stub, name="document_download"),
        path("<slug:slug>/rencontres/<int:pk>/", stub, name="meeting_detail"),
        # Mentions in a post's body link to the member's card (extranet.forum.mentions).
        path("<slug:slug>/membres/fiche/<int:user_pk>/", stub, name="member_card"),
        # Moderators' e-mails about a flagged post lead to the queue.
        path("<slug:slug>/moderation/", stub, name="moderation_queue"),
    ],
    "extranet",
)

urlpatterns = [path("extranet/", include(extranet))]
