"""Who may see the activity report: staff granted ``reports.view_activity_report`` (a Wagtail
group permission, "Consulter le bilan d'activité"), superusers. Nobody else learns of it: the
menu item is hidden and the views answer 403 (the Wagtail admin's own rule for its areas)."""

from django.core.exceptions import PermissionDenied

VIEW_ACTIVITY_REPORT = "reports.view_activity_report"


def can_view_activity_report(user) -> bool:
    return bool(user and user.is_active and user.has_perm(VIEW_ACTIVITY_REPORT))


def check_view_activity_report(user) -> None:
    if not can_view_activity_report(user):
        raise PermissionDenied("Le bilan d'activité est réservé aux personnes autorisées.")
