"""``{% asset "css/portal.css" %}``: ``{% static %}`` memoised per process, for the files the
layout of every page links (``base.html``, ``extranet/base.html``: seven of them).

``{% static %}`` asks the app registry whether ``staticfiles`` is installed and the storage
for the URL at each call (in production the manifest's hashed name, quoted and joined):
measured, ≈ 0.3 ms of the 2–3 ms an extranet page costs once cached (bench.extranet_pages).
A file's URL depends only on its path and the storage's settings, and the manifest storage
reads its manifest once per process, so the answer cannot change while the process lives;
a test that overrides the static settings clears the memo (``setting_changed``).
"""

from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.templatetags.static import static

register = template.Library()

#: The static settings a URL depends on (``django.contrib.staticfiles`` resets its storage on
#: the same ones).
STATIC_SETTINGS = frozenset({"STATIC_URL", "STATIC_ROOT", "STORAGES"})


@lru_cache(maxsize=256)
def asset_url(path):
    return static(path)


@register.simple_tag
def asset(path):
    return asset_url(path)


@receiver(setting_changed)
def forget_asset_urls(setting, **kwargs):
    if setting in STATIC_SETTINGS:
        asset_url.cache_clear()
