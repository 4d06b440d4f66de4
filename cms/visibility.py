"""« Is this page public? », and « which view restrictions does it sit under? », in one place.

A page is public when, at the time of the request, it is:
- live;
- past its ``go_live_at``, if it has one;
- before its ``expire_at``, if it has one (even while ``publish_scheduled`` has not yet
  unpublished it);
- under no view restriction, neither its own nor an ancestor's (password, login, groups: the
  « Confidentialité » of the Wagtail admin), whatever its type.

The API (``cms.api.visibility``), the feeds (``cms.feeds.selection``), the sitemap
(``cms.seo.sitemaps``) and the search documents of pages (``search.documents.pages``) ask this
module and nothing else: each of them kept its own copy once, and none checked ``go_live_at``.
Site scoping is theirs (each one knows which site it answers for).

The restrictions of a page are those on the prefixes of its tree path, as Wagtail applies
them (``Page.get_view_restrictions``): all of them must let a visitor in. So the restrictions
over a page are named by one path, its *restricted section*: the deepest restricted page at or
above it (every restriction over the page sits on that path or one of its prefixes).
``Restrictions`` reads them all in one query; they are few (a handful of private sections).

Aliases take their source's restrictions (Wagtail resolves each alias on the way up): a page
with an alias at or above it is asked the Wagtail way, one query for it.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction

from cms import compiled


def published_q(now=None):
    """Live, and readable at ``now``: its ``go_live_at`` passed, its ``expire_at`` ahead."""
    now = now or timezone.now()
    return (
        Q(live=True)
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
    )


def is_published(page, now=None):
    """``published_q`` for one page already in memory."""
    now = now or timezone.now()
    return bool(
        page.live
        and (page.go_live_at is None or page.go_live_at <= now)
        and (page.expire_at is None or page.expire_at > now)
    )


def _nearest_after(column):
    """The nearest future ``column`` of a live page, as a queryset: an ordered probe of the
    column's partial index (migration ``cms`` 0007), ``MIN`` written as ``ORDER BY … LIMIT 1``
    so that ``cms.compiled`` can keep its SQL."""

    def build(now):
        return (
            Page.objects.filter(live=True, **{f"{column}__gt": now})
            .order_by(column)
            .values_list(column)[:1]
        )

    return build


_NEAREST_AFTER = {column: _nearest_after(column) for column in ("go_live_at", "expire_at")}


def next_publication_change(now=None):
    """The nearest future ``go_live_at`` or ``expire_at`` of a live page (``None`` if none):
    the instant when what is public changes without any write (for caches).

    Two lookups, one per column: each is answered by its partial index (migration ``cms``
    0007) in a probe, where one aggregate with a ``FILTER`` per column reads the whole page
    table (8 ms at 50,000 pages on PostgreSQL). Their SQL is compiled once (``cms.compiled``):
    building the two querysets was 0.6 of their 0.73 ms of CPU, paid by every answer the API
    computes after a publication (#16, ``bench.cms_api``, « dossier detail (cold) »)."""
    now = now or timezone.now()
    instants = [
        row[0]
        for column, build in _NEAREST_AFTER.items()
        for row in compiled.rows(f"cms.nearest_{column}", Page, build, [now])
    ]
    return min(instants) if instants else None


@dataclass(frozen=True)
class Restriction:
    """One view restriction, as much of it as deciding who may read needs."""

    kind: str
    group_ids: frozenset

    def lets_in(self, user, user_group_ids) -> bool:
        """Wagtail's ``accept_request`` for ``user``, without a session: a password is given
        per browser session, so nobody passes a password restriction in advance."""
        if self.kind == BaseViewRestriction.NONE:
            return True
        if not (user.is_authenticated and user.is_active):
            return False
        if self.kind == BaseViewRestriction.LOGIN:
            return True
        if self.kind == BaseViewRestriction.GROUPS:
            return user.is_superuser or bool(self.group_ids & user_group_ids)
        return False  # PASSWORD, and any type Wagtail may add: closed


def _view_restrictions():
    return PageViewRestriction.objects.order_by().values_list(
        "pk", "page__path", "restriction_type", "groups"
    )


class Restrictions:
    """Every page view restriction, read once (one query), then asked many times. Read on
    every search (``search.audience``): its SQL is compiled once (``cms.compiled``), its rows
    read each time."""

    STATEMENT = compiled.Statement("cms.view_restrictions", PageViewRestriction, _view_restrictions)

    @classmethod
    def reading(cls):
        """The restrictions, read with other statements (``compiled.read_together``)."""
        return compiled.Reading(cls.STATEMENT, cls)

    def __init__(self, rows=None):
        """``rows``: those of ``STATEMENT`` already read (``reading``), else read here."""
        if rows is None:
            rows = compiled.rows(*self.STATEMENT)
        groups = defaultdict(set)
        kinds = {}
        for pk, path, kind, group_id in rows:
            kinds[pk] = (path, kind)
            if group_id is not None:
                groups[pk].add(group_id)
        self.by_path = defaultdict(list)
        for pk, (path, kind) in kinds.items():
            self.by_path[path].append(Restriction(kind, frozenset(groups[pk])))
        #: The restricted pages' paths, shortest first.
        self.paths = sorted(self.by_path, key=lambda path: (len(path), path))
        self._alias_paths = None

    # --- sections --------------------------------------------------------------------------

    def section_of_path(self, path):
        """The deepest restricted path at or above ``path`` (``None``: not restricted)."""
        section = None
        for restricted in self.paths:
            if path.startswith(restricted):
                section = restricted
        return section

    def over(self, section):
        """Every restriction over the pages of ``section``: on it and on its ancestors."""
        return [
            restriction
            for path, restrictions in self.by_path.items()
            if section.startswith(path)
            for restriction in restrictions
        ]

    def _has_alias_above(self, page):
        if self._alias_paths is None:
            self._alias_paths = list(
                Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
            )
        return any(page.path.startswith(path) for path in self._alias_paths)

    def section_of(self, page):
        """The restricted section of ``page`` (``None``: under no restriction).

        Raises ``AliasRestricted`` for an alias page (or one below an alias) whose source is
        restricted where its own path is not: no section names those restrictions.
        """
        section = self.section_of_path(page.path)
        if self._has_alias_above(page):
            own = {restriction.pk for restriction in page.get_view_restrictions()}
            by_path = set(
                PageViewRestriction.objects.filter(
                    page__path__in=[p for p in self.paths if page.path.startswith(p)]
                ).values_list("pk", flat=True)
            )
            if own != by_path:
                raise AliasRestricted(page)
        return section

    # --- public pages ----------------------------------------------------------------------

    def private_q(self):
        """The pages at or under a restricted page."""
        private = Q()
        for path in self.paths:
            private |= Q(path__startswith=path)
        return private

    def filter_public(self, queryset, now=None):
        """The public pages of ``queryset`` (see the module docstring)."""
        queryset = queryset.filter(published_q(now))
        return queryset.exclude(self.private_q()) if self.paths else queryset

    def is_public(self, page, now=None):
        if not is_published(page, now):
            return False
        try:
            return self.section_of(page) is None
        except AliasRestricted:
            return False

    # --- readers ---------------------------------------------------------------------------

    def sections_readable_by(self, user, user_group_ids):
        """The restricted sections whose every restriction lets ``user`` in."""
        return [
            section
            for section in self.paths
            if all(restriction.lets_in(user, user_group_ids) for restriction in self.over(section))
        ]


class AliasRestricted(Exception):
    """An alias whose restrictions (its source's) no restricted section names."""


def filter_public_pages(queryset, now=None):
    """The public pages of ``queryset``: the one filter of the API, feeds and sitemap."""
    return Restrictions().filter_public(queryset, now)
