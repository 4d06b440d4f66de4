"""Flags and the moderation queue: « Signaler » a post (members), the queue (moderators).

Every rule is the forum's (``extranet.forum.moderation`` and its permissions): a post one may
not flag is a 404 (not visible to members) or a 403 (one's own); the queue and its actions
are a 404 for anyone but the space's moderators. Actions are POST forms, usable without
JavaScript.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from extranet.forum import moderation
from extranet.forum import permissions as forum_permissions
from extranet.forum.models import Flag

from ..access import space_view
from ..forms import FlagForm, add_service_errors
from .common import space_context, space_url
from .posts import get_post
from .topics import post_url


@space_view
def post_flag(request, space, access, pk):
    """GET shows the reasons, POST flags the post (once per member)."""
    post = get_post(request.user, space, pk)
    forum_permissions.check_flag_post(request.user, post)
    already = Flag.objects.filter(post=post, member=request.user).exists()
    form = FlagForm(request.POST or None)
    if request.method == "POST" and not already and form.is_valid():
        try:
            moderation.flag_post(
                post, request.user, form.cleaned_data["reason"], form.cleaned_data["details"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, "Merci, le message est signalé aux animateur·rice·s de l'espace."
            )
            return redirect(post_url(space, post.topic, post, access))
    topic = post.topic
    trail = [(topic.title, space_url("topic_detail", space, pk=topic.pk)), ("Signaler", None)]
    context = space_context(space, access, "home", trail, post=post, form=form, already=already)
    return render(request, "extranet/forum/post_flag.html", context)


@space_view
def moderation_queue(request, space, access):
    """Open flags of the space grouped by post, with their count per reason."""
    entries = moderation.flag_queue(request.user, space)
    trail = [("Modération", None)]
    context = space_context(space, access, "moderation", trail, entries=entries)
    return render(request, "extranet/forum/moderation_queue.html", context)


def _queue_post(request, space, pk):
    # The queue's existence is checked before the post's: a member learns nothing.
    forum_permissions.check_handle_flags(request.user, space)
    return get_post(request.user, space, pk)


def _act(request, space, action, done):
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect(space_url("moderation_queue", space))


@space_view
@require_POST
def queue_hide(request, space, access, pk):
    post = _queue_post(request, space, pk)
    reason = request.POST.get("reason", "")
    return _act(
        request,
        space,
        lambda: moderation.hide_flagged_post(post, request.user, reason),
        "Le message est masqué pour les membres ; ses signalements sont traités.",
    )


@space_view
@require_POST
def queue_restore(request, space, access, pk):
    post = _queue_post(request, space, pk)
    return _act(
        request,
        space,
        lambda: moderation.restore_flagged_post(post, request.user),
        "Le message est à nouveau visible des membres ; ses signalements sont traités.",
    )


@space_view
@require_POST
def queue_dismiss(request, space, access, pk):
    post = _queue_post(request, space, pk)
    return _act(
        request,
        space,
        lambda: moderation.dismiss_flags(post, request.user),
        "Les signalements sont classés sans suite ; le message reste visible.",
    )
