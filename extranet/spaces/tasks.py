"""Background work of the spaces app (django-tasks: a worker in production, inline in tests)."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django_tasks import task

from .models import Invitation


def invitation_url(token: str) -> str:
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return base + reverse("extranet:accept_invitation", kwargs={"token": token})


@task()
def send_invitation_email(invitation_id: int, token: str) -> bool:
    """E-mail the acceptance link (French). Mentions the invited space only, never others.

    The clear token travels in the task arguments because it exists nowhere else; the
    database worker's finished results should be pruned regularly. Returns whether a mail
    was sent (an invitation revoked before the worker ran is skipped).
    """
    invitation = (
        Invitation.objects.select_related("space", "invited_by").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.is_pending:
        return False
    context = {
        "invitation": invitation,
        "space": invitation.space,
        "inviter": invitation.invited_by,
        "url": invitation_url(token),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = render_to_string("extranet/accounts/emails/invitation_subject.txt", context)
    body = render_to_string("extranet/accounts/emails/invitation_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [invitation.email])
    return True
