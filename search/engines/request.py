"""What a search asks for: the filters, the request (audience tokens mandatory), and the plan
as modelsearch query objects."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from modelsearch.query import And, Or, PlainText

from search.models import FacetValue

FACETS = ("kind", "theme", "territory", "space", "year")
FACET_SIZE = 50
LABELLED_FACETS = {"theme": FacetValue.Facet.THEME, "territory": FacetValue.Facet.TERRITORY}
RELEVANCE, DATE = "relevance", "date"
#: How the clauses of a plan combine: every word (the search itself), or any of them (the
#: approximate results of ``search.service`` when every word finds nothing).
ALL_WORDS, ANY_WORD = "all", "any"


def day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


@dataclass(frozen=True)
class Filters:
    kind: tuple = ()
    theme: tuple = ()
    territory: tuple = ()
    space: tuple = ()
    year: tuple = ()
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    def without(self, facet):
        """The same filters minus one facet's: facet counts show the other choices too."""
        return Filters(**{**self.__dict__, facet: ()})

    def selected(self, facet):
        return tuple(getattr(self, facet))

    def without_facets(self):
        """The date range only: the base the facets count on (see ``search_sql``)."""
        return Filters(date_from=self.date_from, date_to=self.date_to)

    def date_bounds(self):
        """``(first instant, first instant after)`` of the date range, ``None`` when open:
        ``date_to`` is a whole day."""
        start = day_start(self.date_from) if self.date_from else None
        end = day_start(self.date_to + datetime.timedelta(1)) if self.date_to else None
        return start, end


@dataclass(frozen=True)
class SearchRequest:
    audience: frozenset
    plan: object  # search.analysis.queries.QueryPlan
    filters: Filters = field(default_factory=Filters)
    sort: str = RELEVANCE
    offset: int = 0
    limit: int = 20
    with_facets: bool = True
    #: ``ALL_WORDS`` or ``ANY_WORD`` (approximate results, best partial matches first).
    match: str = ALL_WORDS
    #: The time the time rule is checked at (``search.models.readable_now``).
    now: datetime.datetime = field(default_factory=lambda: timezone.now())

    def __post_init__(self):
        # Fail closed: a request without audience tokens would search everything.
        if not self.audience or not all(isinstance(t, str) and t for t in self.audience):
            raise ValueError("A search request needs the caller's audience tokens.")


def plan_to_query(plan, analysed, match=ALL_WORDS):
    """The plan as modelsearch query objects. ``analysed``: database backends match our
    terms; engines that analyse French themselves get the readable texts. ``ANY_WORD``: an OR
    of the clauses, whose ranking puts the documents with the most words first."""
    clauses = []
    for clause in plan.clauses:
        alternatives = [
            PlainText(" ".join(alt.terms) if analysed else alt.text, operator="and")
            for alt in clause.alternatives
        ]
        clauses.append(alternatives[0] if len(alternatives) == 1 else Or(alternatives))
    if len(clauses) == 1:
        return clauses[0]
    return Or(clauses) if match == ANY_WORD else And(clauses)
