"""Absolute links for e-mails (e-mails have no request to build them from)."""

import re

from django.conf import settings
from django.urls import NoReverseMatch, reverse


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# A link to a page of the site in cleaned HTML (nh3 writes attributes in double quotes): a
# path starting with one "/", such as a mention's link to the member (forum.mentions).
_SITE_HREF = re.compile(r'href="/(?!/)')


def absolute_links(html: str) -> str:
    """Cleaned HTML (a post's body) with its links to the site made absolute: a mail client
    has no site to resolve "/extranet/…" against."""
    return _SITE_HREF.sub(f'href="{absolute("/")}', html)


def settings_url(space) -> str:
    """Where a member changes their e-mails for ``space``: the notification settings page, or
    the space's home while the UI has no such page."""
    try:
        return absolute(reverse("extranet:notification_settings", kwargs={"slug": space.slug}))
    except NoReverseMatch:
        return absolute(reverse("extranet:space_home", kwargs={"slug": space.slug}))
