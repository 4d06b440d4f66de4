from django.urls import path

from .views import site_plan_view

app_name = "navigation"

urlpatterns = [
    path("plan-du-site/", site_plan_view, name="site_plan"),
]
