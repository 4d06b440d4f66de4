"""The admin's Flash Info pages: send an issue (preview, test send, send to subscribers), and
follow a send (progress and log).

Every view requires the ``newsletter.send_mailing`` permission (superusers have it); without
it, the admin answers 403 as for any of its pages.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from cms.pages.newsletters import NewsletterIssuePage

from . import sending
from .emails import render_issue_html
from .models import Delivery, Mailing, Subscriber

SEND_PERMISSION = "newsletter.send_mailing"
LOG_PAGE_SIZE = 50


def _check_can_send(user):
    if not user.has_perm(SEND_PERMISSION):
        raise PermissionDenied


def _issue(page_id):
    return get_object_or_404(NewsletterIssuePage.objects.all(), pk=page_id)


@require_http_methods(["GET", "HEAD", "POST"])
def send_issue(request, page_id):
    _check_can_send(request.user)
    issue = _issue(page_id)
    existing = Mailing.objects.filter(issue=issue).first()
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "test":
            sending.send_test(issue, request.user.email)
            messages.success(request, f"Courriel de test envoyé à {request.user.email}.")
            return redirect("newsletter_admin:send", page_id=issue.pk)
        if action == "send" and request.POST.get("confirm") == "yes":
            try:
                mailing = sending.queue_mailing(issue, request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
                return redirect("newsletter_admin:send", page_id=issue.pk)
            messages.success(
                request,
                f"Envoi programmé à {mailing.recipient_count} abonné·e"
                f"{'s' if mailing.recipient_count > 1 else ''}.",
            )
            return redirect("newsletter_admin:mailing", mailing_id=mailing.pk)
        messages.error(request, "Cochez la case de confirmation pour lancer l'envoi.")
    try:
        sending.check_can_send(issue)
        refusal = ""
    except ValidationError as error:
        refusal = " ".join(error.messages)
    subscribers = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).count()
    return TemplateResponse(
        request,
        "newsletter/admin/send.html",
        {
            "issue": issue,
            "mailing": existing,
            "refusal": refusal,
            "subscriber_count": subscribers,
            "preview_url": reverse("newsletter_admin:preview", args=[issue.pk]),
        },
    )


@require_safe
def preview_issue(request, page_id):
    """The e-mail as subscribers will get it (latest published version, else the draft)."""
    _check_can_send(request.user)
    issue = _issue(page_id)
    html = render_issue_html(issue, unsubscribe_link="#desinscription")
    response = HttpResponse(html)
    response["X-Frame-Options"] = "SAMEORIGIN"
    return response


@require_safe
def mailing_list(request):
    _check_can_send(request.user)
    mailings = Mailing.objects.select_related("issue", "created_by")
    page = Paginator(mailings, 20).get_page(request.GET.get("p"))
    return TemplateResponse(request, "newsletter/admin/mailing_list.html", {"page": page})


@require_safe
def mailing_detail(request, mailing_id):
    _check_can_send(request.user)
    mailing = get_object_or_404(
        Mailing.objects.select_related("issue", "created_by"), pk=mailing_id
    )
    status = request.GET.get("etat", "")
    deliveries = mailing.deliveries.order_by("pk")
    if status in Delivery.Status.values:
        deliveries = deliveries.filter(status=status)
    page = Paginator(deliveries, LOG_PAGE_SIZE).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "newsletter/admin/mailing_detail.html",
        {
            "mailing": mailing,
            "page": page,
            "status": status,
            "statuses": Delivery.Status.choices,
            "progress_url": reverse("newsletter_admin:progress", args=[mailing.pk]),
        },
    )


@require_safe
def mailing_progress(request, mailing_id):
    """The counters of a send, polled by its page while it runs."""
    _check_can_send(request.user)
    mailing = get_object_or_404(Mailing, pk=mailing_id)
    return JsonResponse(
        {
            "status": mailing.status,
            "status_label": mailing.get_status_display(),
            "recipients": mailing.recipient_count,
            "sent": mailing.sent_count,
            "failed": mailing.failed_count,
            "skipped": mailing.skipped_count,
            "percent": mailing.progress_percent,
        }
    )
