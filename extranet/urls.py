from django.urls import include, path

app_name = "extranet"

urlpatterns = [
    # Log in, log out, password reset, invitations (extranet.accounts).
    path("", include("extranet.accounts.urls")),
]
