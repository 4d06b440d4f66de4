from django.urls import path

from .router import api_router

urlpatterns = [path("api/v2/", api_router.urls)]
