"""One-click unsubscribe from an e-mail, without logging in (RFC 8058; ``notifications.
unsubscribe`` holds the rules). GET shows what the link will stop and a button (a link
preview or a mail scanner fetching the URL changes nothing); POST does it: from that button,
or straight from the mail client's own « Se désabonner » (``List-Unsubscribe-Post``), which
carries no CSRF token: the signed token is the proof."""

from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from extranet.notifications import unsubscribe as unsubscribing

from .common import space_url


@never_cache
@csrf_exempt
def unsubscribe(request, token):
    try:
        user, space, frequency = unsubscribing.read_token(token)
    except unsubscribing.InvalidToken:
        context = {"invalid": True}
        return render(request, "extranet/notifications/unsubscribe.html", context, status=404)
    done = request.method == "POST"
    if done:
        unsubscribing.apply(user, space=space, frequency=frequency)
    context = {
        "space": space,
        "frequency": frequency,
        "done": done,
        "settings_url": space_url("notification_settings", space) if space else None,
    }
    return render(request, "extranet/notifications/unsubscribe.html", context)
