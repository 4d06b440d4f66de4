"""Who may read what, as search sees it: a small set of audience tokens per caller.

Two permission modules answer, and this adapter is the only place search asks them:
``extranet.spaces.permissions.audience_tokens`` (``public``, one ``space:<id>`` per space the
user may see) and ``cms.permissions`` for the pages under a view restriction (the forms of
their tokens: ``search.models.restricted_audience``):

- ``readable_restricted_sections``: one ``restricted:<section>:`` per restricted section whose
  every restriction lets the user in (a login restriction: any account; a group restriction:
  its members; a password: nobody in advance);
- ``admin_page_paths``: the tokens of each section of the page tree the user may see in the
  Wagtail admin, which read every restricted page there, password-protected included.

The tokens are read on every query, nothing of them kept between two calls (so a member
removed from a group, or a revoked editor, loses the pages on their very next search): the
user's space rights, the restrictions, and the user's groups with their page permissions
(``cms.permissions.page_access``, one statement for both questions; none for anonymous
callers and superusers), each module saying what it reads and how it answers from the rows
(a ``cms.compiled.Reading``), the three statements sent in one round trip on PostgreSQL. The
admin right (``can_access_admin``) is read after, only for those holding a page permission.
Queries counted per role in ``tests/search/test_audience_queries.py``.
"""

from cms import compiled
from cms.permissions import (
    admin_page_paths,
    page_access_reading,
    readable_restricted_sections,
)
from cms.visibility import Restrictions
from extranet.spaces.permissions import audience_reading as space_audience_reading
from search.models import PUBLIC, admin_section_tokens, readers_audience


def audience_tokens(user):
    # The three answers' statements in one round trip (``compiled.read_together``).
    space_tokens, restrictions, access = compiled.read_together(
        space_audience_reading(user), Restrictions.reading(), page_access_reading(user)
    )
    tokens = set(space_tokens)
    if restrictions.paths:
        tokens.update(
            readers_audience(section)
            for section in readable_restricted_sections(user, restrictions, access)
        )
    for path in admin_page_paths(user, access):
        tokens |= admin_section_tokens(path, restrictions.section_of_path(path))
    # Whatever the permission modules answer, everybody may read what is public.
    return frozenset(tokens | {PUBLIC})
