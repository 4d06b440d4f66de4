"""URLs of the extranet's navigation, reversed once per process instead of at each request.

The layout of every space page links the space's sections and the breadcrumb: about ten
``reverse()`` calls per page, as costly as the page's own work once its content is cached.
A URL depends only on the view name, its arguments, the script prefix and the URLconf, all
part of the memo's key, so a memoised URL is the one ``reverse()`` would return.
"""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=4096)
def _reverse(name, args, prefix, urlconf):
    return reverse(name, args=args, urlconf=urlconf)


def url(name, *args):
    """``reverse(name, args=args)``, memoised (positional arguments only: slugs, ids)."""
    return _reverse(name, args, get_script_prefix(), get_urlconf() or settings.ROOT_URLCONF)
