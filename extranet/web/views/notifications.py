"""Notifications: a member's settings per space and per topic, and their in-app list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from extranet.notifications import inbox, subscriptions
from extranet.notifications.models import NotificationKind

from ..access import SpaceAccess, not_found, space_view
from ..forms import NotificationSettingsForm, TopicNotificationForm, add_service_errors
from .common import space_context, space_url
from .topics import get_topic, post_url

NOTIFICATIONS_PER_PAGE = 30


@space_view
def notification_settings(request, space, access):
    subscription = subscriptions.get_subscription(request.user, space)
    form = NotificationSettingsForm(
        request.POST or None,
        initial={"level": subscription.level, "digest_frequency": subscription.digest_frequency},
    )
    if request.method == "POST" and form.is_valid():
        try:
            subscriptions.update_subscription(request.user, space, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Vos préférences de notification ont été enregistrées.")
            return redirect(space_url("notification_settings", space))
    context = space_context(space, access, "notifications", [("Mes notifications", None)])
    context["form"] = form
    return render(request, "extranet/notifications/settings.html", context)


@space_view
def topic_notifications(request, space, access, pk):
    """One's level for one topic: follow every reply, only mentions, or nothing."""
    topic = get_topic(request.user, space, pk)
    form = TopicNotificationForm(
        request.POST or None,
        initial={"level": subscriptions.get_topic_level(request.user, topic) or ""},
    )
    if request.method == "POST" and form.is_valid():
        try:
            subscriptions.set_topic_level(request.user, topic, form.cleaned_data["level"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Vos notifications pour ce sujet ont été enregistrées.")
            return redirect(space_url("topic_detail", space, pk=topic.pk))
    topic_url = space_url("topic_detail", space, pk=topic.pk)
    context = space_context(
        space,
        access,
        "home",
        [(topic.title, topic_url), ("Notifications du sujet", None)],
        topic=topic,
        form=form,
    )
    return render(request, "extranet/notifications/topic_settings.html", context)


@login_required
def notification_list(request):
    """The member's notifications, newest first, unread ones marked; only what they may still
    see (``inbox.visible_notifications``)."""
    notifications = inbox.visible_notifications(request.user)
    page = Paginator(notifications, NOTIFICATIONS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "unread": inbox.unread_count(request.user),
        "breadcrumbs": [("Mes notifications", None)],
    }
    return render(request, "extranet/notifications/notification_list.html", context)


@login_required
def notification_open(request, pk):
    """Opening a notification reads it and leads to its post, on the page of the thread that
    holds it (404 for anyone else's, or for a post the member may no longer see)."""
    notification = inbox.visible_notifications(request.user).filter(pk=pk).first()
    if notification is None:
        return not_found(request, "Notification introuvable.")
    inbox.mark_read(request.user, [notification.pk])
    post = notification.post
    space = post.topic.space
    if notification.kind == NotificationKind.FLAG:
        # A moderator's work is in the queue (which answers 404 to whoever no longer moderates).
        return redirect("extranet:moderation_queue", slug=space.slug)
    return redirect(post_url(space, post.topic, post, SpaceAccess(request.user, space)))


@login_required
@require_POST
def notifications_read_all(request):
    count = inbox.mark_read(request.user)
    if count:
        messages.success(request, "Toutes vos notifications sont marquées comme lues.")
    return redirect("extranet:notification_list")
