"""Admin URLs of the activity report (mounted under the Wagtail admin by ``wagtail_hooks``)."""

from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ActivityReportView.as_view(), name="activity_report"),
    path("imprimer/", views.activity_report_print, name="activity_report_print"),
    path(
        "export.<str:fmt>",
        views.activity_report_export,
        name="activity_report_export",
    ),
]
