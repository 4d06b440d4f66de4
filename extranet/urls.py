from django.urls import include, path

app_name = "extranet"

urlpatterns = [
    # Log in, log out, password reset, invitations (extranet.accounts).
    path("", include("extranet.accounts.urls")),
    # My spaces, space pages, forum, documents, members, meetings (extranet.web), after accounts.
    path("", include("extranet.web.urls")),
]
