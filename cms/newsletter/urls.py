from django.urls import path

from . import views

app_name = "newsletter"

urlpatterns = [
    path("lettre-d-information/", views.subscribe, name="subscribe"),
    path(
        "lettre-d-information/demande-enregistree/",
        views.subscribe_requested,
        name="subscribe_requested",
    ),
    path("lettre-d-information/confirmer/<str:token>/", views.confirm, name="confirm"),
    path(
        "lettre-d-information/desinscription/<str:token>/",
        views.unsubscribe,
        name="unsubscribe",
    ),
]
