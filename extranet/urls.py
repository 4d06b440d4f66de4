from django.urls import include, path

from extranet.web.views import attendance

app_name = "extranet"

urlpatterns = [
    # Log in, log out, password reset, invitations (extranet.accounts).
    path("", include("extranet.accounts.urls")),
    # My spaces, space pages, forum, documents, members, meetings (extranet.web), after accounts.
    path("", include("extranet.web.urls")),
    # Recording a meeting's attendance (extranet.web.views.attendance, for the activity report).
    path(
        "<slug:slug>/rencontres/<int:pk>/presences/",
        attendance.meeting_attendance,
        name="meeting_attendance",
    ),
]
