"""Public pages of the Flash Info subscription: subscribe, confirm, unsubscribe.

The unsubscribe link of an e-mail opens a page with one button (a GET never changes
anything: link checkers and mail scanners open links); mail clients' own button posts to the
same address (RFC 8058 one-click) and unsubscribes at once. That POST comes from the mail
client, without a CSRF token: the secret token of the address is what authorises it.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from . import subscriptions
from .forms import SubscribeForm

SUBSCRIBE_TEMPLATE = "newsletter/subscribe.html"


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.cleaned_data["website"]:
            subscriptions.request_subscription(form.cleaned_data["email"])
        return HttpResponseRedirect(reverse("newsletter:subscribe_requested"))
    status = 400 if request.method == "POST" else 200
    return render(request, SUBSCRIBE_TEMPLATE, {"form": form}, status=status)


@require_safe
def subscribe_requested(request):
    return render(request, "newsletter/subscribe_requested.html")


@require_safe
def confirm(request, token):
    subscriber = subscriptions.confirm(token)
    status = 200 if subscriber is not None else 404
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber}, status=status)


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    if request.method == "POST":
        subscriber = subscriptions.unsubscribe(token)
        done = True
    else:
        subscriber = subscriptions.subscriber_for_unsubscribe(token)
        done = False
    status = 200 if subscriber is not None else 404
    return render(
        request,
        "newsletter/unsubscribe.html",
        {"subscriber": subscriber, "done": done},
        status=status,
    )
