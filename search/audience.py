"""Who may read what, as search sees it: a small set of audience tokens per caller.

The rule lives in ``extranet.spaces.permissions.audience_tokens`` (``public``, one
``space:<id>`` per space the user may see, ``staff`` for staff); this adapter is the only
place search asks it, and the tokens are read on every query, so a removed member loses
the space on their very next search.
"""

from search.models import PUBLIC


def audience_tokens(user):
    from extranet.spaces.permissions import audience_tokens as space_audience_tokens

    tokens = frozenset(space_audience_tokens(user))
    # Whatever the permission module answers, everybody may read what is public.
    return tokens | {PUBLIC}
