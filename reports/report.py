"""The activity report of a year: the networks' table, the fields' table, totals, and the same
figures for the year before (year-over-year comparison).

``build_report(year)`` is what the Wagtail admin view, the exports and ``manage.py
activity_report`` all call. Its cost is a constant number of queries (one per figure, see
``networks`` and ``fields``), whatever the number of spaces, fields or pages.

Counts only: the report holds names of spaces, networks and fields, and numbers; never a
person.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone

from cms.taxonomy.themes import Theme
from extranet.spaces.models import Space

from . import fields as field_figures
from . import networks
from .period import Year

# (key, heading, figure) in the order of the table. Headings are the CSV's French headers.
NETWORK_FIGURES = (
    ("members", "Membres au 31 décembre", networks.members_at_year_end),
    ("new_members", "Nouveaux membres", networks.new_members),
    ("meetings", "Rencontres", networks.meetings_held),
    ("participations", "Participations", networks.participations),
    (
        "meetings_without_attendance",
        "Rencontres sans présences relevées",
        networks.meetings_without_attendance,
    ),
    ("topics", "Sujets ouverts", networks.topics_opened),
    ("posts", "Messages", networks.posts_published),
    ("documents", "Documents partagés", networks.documents_shared),
)
NEEDS_NOW = {"meetings", "participations", "meetings_without_attendance"}
FIELD_FIGURES = field_figures.FIELD_FIGURES
NO_FIELD_NAME = "Sans champ d'intervention"


@dataclass
class Row:
    """One line of a table: a network space, or a field of intervention."""

    key: int | None
    name: str
    figures: dict[str, int]
    detail: str = ""  # the network a space belongs to

    def get(self, key: str) -> int:
        return self.figures.get(key, 0)


@dataclass
class YearFigures:
    year: int
    networks: list[Row]
    network_totals: dict[str, int]
    fields: list[Row]
    field_totals: dict[str, int]


@dataclass
class ActivityReport:
    current: YearFigures
    previous: YearFigures | None = None
    computed_at: datetime = field(default_factory=timezone.now)

    @property
    def year(self) -> int:
        return self.current.year

    def network_rows(self):
        """(current row, previous row or None) for every space active in either year."""
        before = {row.key: row for row in self.previous.networks} if self.previous else {}
        keys = [row.key for row in self.current.networks]
        rows = [(row, before.get(row.key)) for row in self.current.networks]
        rows += [
            (Row(row.key, row.name, {}, row.detail), row)
            for row in (self.previous.networks if self.previous else [])
            if row.key not in keys
        ]
        return sorted(rows, key=lambda pair: pair[0].name.lower())


def _network_figures(year: Year, now) -> tuple[list[Row], dict[str, int]]:
    spaces = list(
        Space.objects.select_related("network").order_by("name").only("name", "network__name")
    )
    ids = [space.pk for space in spaces]
    computed = {
        key: (figure(year, ids, now) if key in NEEDS_NOW else figure(year, ids))
        for key, _heading, figure in NETWORK_FIGURES
    }
    rows = []
    for space in spaces:
        figures = {key: computed[key].get(space.pk, 0) for key, _h, _f in NETWORK_FIGURES}
        # A space with nothing to show for the year (created later, or idle) is left out.
        if any(figures.values()):
            detail = space.network.name if space.network_id else ""
            rows.append(Row(space.pk, space.name, figures, detail))
    totals = {key: sum(row.get(key) for row in rows) for key, _h, _f in NETWORK_FIGURES}
    return rows, totals


def _field_figures(year: Year) -> tuple[list[Row], dict[str, int]]:
    computed = {key: figure(year) for key, _heading, figure in FIELD_FIGURES}
    rows = []
    for theme in Theme.objects.filter(parent=None).order_by("sort_order", "name"):
        figures = {key: computed[key].get(theme.pk, 0) for key, _h, _f in FIELD_FIGURES}
        rows.append(Row(theme.pk, theme.name, figures))
    unthemed = {key: computed[key].get(None, 0) for key, _h, _f in FIELD_FIGURES}
    if any(unthemed.values()):
        rows.append(Row(None, NO_FIELD_NAME, unthemed))
    return rows, field_figures.totals(year)


def year_figures(year: int, now=None) -> YearFigures:
    period = Year(year)
    now = now or timezone.now()
    network_rows, network_totals = _network_figures(period, now)
    field_rows, field_totals = _field_figures(period)
    return YearFigures(year, network_rows, network_totals, field_rows, field_totals)


def build_report(year: int, *, compare: bool = True, now=None) -> ActivityReport:
    """The report for ``year``, with the year before when ``compare``."""
    now = now or timezone.now()
    return ActivityReport(
        current=year_figures(year, now),
        previous=year_figures(year - 1, now) if compare else None,
        computed_at=now,
    )


def evolution(current: int, previous: int | None) -> str:
    """ "+12 %", "−3 %", "=" or "nouveau" (nothing the year before), as the report writes it."""
    if previous is None:
        return ""
    if previous == 0:
        return "nouveau" if current else "="
    change = round((current - previous) * 100 / previous)
    if change == 0:
        return "="
    sign = "+" if change > 0 else "−"
    return f"{sign}{abs(change)} %"
