"""Absolute links for the Flash Info e-mails, which have no request to build them from."""

import re

from django.conf import settings
from django.urls import reverse

_RELATIVE = re.compile(r'(\s(?:href|src)=")/(?!/)')


def base_url() -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    return base_url() + path


def absolutize(html: str) -> str:
    """Every ``href="/…"`` and ``src="/…"`` of ``html`` made absolute: a mail client has no
    site to resolve them against (rich text links, images, documents)."""
    return _RELATIVE.sub(lambda m: f"{m.group(1)}{base_url()}/", html)


def confirm_url(subscriber) -> str:
    return absolute(reverse("newsletter:confirm", args=[subscriber.token]))


def unsubscribe_url(subscriber) -> str:
    return absolute(reverse("newsletter:unsubscribe", args=[subscriber.token]))
