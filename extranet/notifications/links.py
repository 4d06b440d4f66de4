"""Absolute links for e-mails (e-mails have no request to build them from)."""

from django.conf import settings
from django.urls import NoReverseMatch, reverse


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def settings_url(space) -> str:
    """Where a member changes their e-mails for ``space``: the notification settings page, or
    the space's home while the UI has no such page."""
    try:
        return absolute(reverse("extranet:notification_settings", kwargs={"slug": space.slug}))
    except NoReverseMatch:
        return absolute(reverse("extranet:space_home", kwargs={"slug": space.slug}))
