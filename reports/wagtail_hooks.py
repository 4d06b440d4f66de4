"""The activity report in the Wagtail admin: its URLs, its entry in the Reports menu (shown to
those who hold the permission only), and its permission offered in the group settings."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls
from .permissions import can_view_activity_report


class ActivityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_activity_report(request.user)


@hooks.register("register_admin_urls")
def register_activity_report_urls():
    return [path("bilan-activite/", include(urls, namespace="reports"))]


@hooks.register("register_reports_menu_item")
def register_activity_report_menu_item():
    return ActivityReportMenuItem(
        "Bilan d'activité",
        reverse("reports:activity_report"),
        name="activity-report",
        icon_name="doc-full",
        order=50,
    )


@hooks.register("register_permissions")
def register_activity_report_permission():
    return Permission.objects.filter(
        content_type__app_label="reports", codename="view_activity_report"
    )
