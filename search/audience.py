"""Who may read what, as search sees it: a small set of audience tokens per caller.

Two permission modules answer, and this adapter is the only place search asks them:
``extranet.spaces.permissions.audience_tokens`` (``public``, one ``space:<id>`` per space the
user may see) and ``cms.permissions.admin_page_paths`` (one ``staff:<path>`` per section of
the page tree the user may see in the Wagtail admin: the pages under a view restriction are
found by those who may see them there, not by whoever has ``is_staff``). The tokens are read
on every query, so a removed member loses the space, and a revoked editor the pages, on
their very next search.
"""

from cms.permissions import admin_page_paths
from extranet.spaces.permissions import audience_tokens as space_audience_tokens
from search.models import PUBLIC, staff_audience


def audience_tokens(user):
    tokens = frozenset(space_audience_tokens(user))
    staff = {staff_audience(path) for path in admin_page_paths(user)}
    # Whatever the permission modules answer, everybody may read what is public.
    return tokens | staff | {PUBLIC}
