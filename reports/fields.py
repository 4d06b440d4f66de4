"""The figures per field of intervention (the six top-level themes): what the site published.

Each function takes the year and returns ``{field_id: count}``, with ``None`` for pages given no
theme; one grouped query each, whatever the number of fields or pages. ``total_*`` functions
count each page once, where the per-field figures count a page in every field it belongs to
(a dossier on education and poverty is part of both chapters of the report).

Rules:
- a page counts when it is live (published, not withdrawn) and its own date (the date shown to
  readers, or an event's start) falls within the year;
- a sub-theme counts for its field;
- expired pages still count: they were published that year.
"""

from django.db.models import Count, F
from django.db.models.functions import Coalesce

from cms.pages.blog import BriefPage
from cms.pages.dossiers import DossierPage
from cms.pages.events import EventPage
from cms.pages.news import NewsPage
from cms.pages.panoramas import PressPanoramaPage
from cms.pages.publications import PublicationKind, PublicationPage

from .period import Year

NO_FIELD = None


def _in_year(model, year: Year):
    if model is EventPage:
        return model.objects.live().filter(start__gte=year.start, start__lt=year.end)
    return model.objects.live().filter(date__gte=year.first_day, date__lte=year.last_day)


def _per_field(queryset) -> dict[int | None, int]:
    rows = (
        queryset.order_by()
        .annotate(field_id=Coalesce(F("themes__parent_id"), F("themes__id")))
        .values("field_id")
        .annotate(n=Count("pk", distinct=True))
    )
    return {row["field_id"]: row["n"] for row in rows}


def news_per_field(year: Year):
    return _per_field(_in_year(NewsPage, year))


def briefs_per_field(year: Year):
    return _per_field(_in_year(BriefPage, year))


def dossiers_per_field(year: Year):
    return _per_field(_in_year(DossierPage, year))


def panoramas_per_field(year: Year):
    return _per_field(_in_year(PressPanoramaPage, year))


def events_per_field(year: Year):
    return _per_field(_in_year(EventPage, year))


def publications_per_field(year: Year, kind: str):
    return _per_field(_in_year(PublicationPage, year).filter(kind=kind))


# (key, heading, figure); the publications get one column per kind (Conf'At, Fichexpérience…).
FIELD_FIGURES = (
    ("news", "Actualités", news_per_field),
    ("briefs", "Brèves", briefs_per_field),
    ("dossiers", "Dossiers", dossiers_per_field),
    ("panoramas", "Panoramas de presse", panoramas_per_field),
    *(
        (
            f"publications_{kind.value}",
            f"Publications : {kind.label}",
            lambda year, kind=kind.value: publications_per_field(year, kind),
        )
        for kind in PublicationKind
    ),
    ("events", "Évènements", events_per_field),
)

_MODELS = {
    "news": NewsPage,
    "briefs": BriefPage,
    "dossiers": DossierPage,
    "panoramas": PressPanoramaPage,
    "events": EventPage,
}


def totals(year: Year) -> dict[str, int]:
    """Each page once, per figure: one query per content type (a constant number)."""
    result = {}
    for key, _heading, _figure in FIELD_FIGURES:
        if key.startswith("publications_"):
            continue
        result[key] = _in_year(_MODELS[key], year).count()
    by_kind = dict(
        _in_year(PublicationPage, year)
        .order_by()
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    for kind in PublicationKind:
        result[f"publications_{kind.value}"] = by_kind.get(kind.value, 0)
    return result
