from django.urls import path

from . import admin_views

app_name = "newsletter_admin"

urlpatterns = [
    path("envois/", admin_views.mailing_list, name="mailings"),
    path("envois/<int:mailing_id>/", admin_views.mailing_detail, name="mailing"),
    path("envois/<int:mailing_id>/progression/", admin_views.mailing_progress, name="progress"),
    path("numero/<int:page_id>/envoyer/", admin_views.send_issue, name="send"),
    path("numero/<int:page_id>/apercu/", admin_views.preview_issue, name="preview"),
]
