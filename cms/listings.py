"""Listing logic of the index pages and the home page, in one place.

Rules every listing obeys:
- only live, public pages (no drafts, no view-restricted pages, no expired pages);
- filters come from the query string, validated by ``ListingFilterForm``: ``theme`` and
  ``territory`` are slugs (a theme includes its sub-themes, a territory the territories inside
  it), ``year`` a year that has items, ``kind`` a publication kind, ``when`` ``upcoming`` (the
  default) or ``past`` for events;
- an invalid filter value never fails: the page answers 200 with no items and a French message;
- 12 items per page; a page number out of range or not a number gives the nearest valid page;
- the number of SQL queries does not grow with the number of items: taxonomies, images and
  their renditions are prefetched.
"""

from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from cms.pages.base import ListingIndexPage
from cms.representations import rendition_prefetch
from cms.taxonomy import Territory, Theme

PAGE_SIZE = 12
UPCOMING = "upcoming"
PAST = "past"


class ListingFilterForm(forms.Form):
    """The filters of a listing. Fields the index does not use are removed in ``__init__``."""

    when = forms.ChoiceField(
        label="Période",
        required=False,
        choices=[(UPCOMING, "À venir"), (PAST, "Passés")],
        error_messages={"invalid_choice": "Période inconnue : « %(value)s »."},
    )
    theme = forms.ModelChoiceField(
        label="Thématique",
        queryset=Theme.objects.select_related("parent"),
        to_field_name="slug",
        required=False,
        empty_label="Toutes les thématiques",
        error_messages={"invalid_choice": "Thématique inconnue."},
    )
    territory = forms.ModelChoiceField(
        label="Territoire",
        queryset=Territory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Tous les territoires",
        error_messages={"invalid_choice": "Territoire inconnu."},
    )
    year = forms.TypedChoiceField(
        label="Année",
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": "Aucun contenu pour l'année « %(value)s »."},
    )
    kind = forms.ChoiceField(
        label="Type",
        required=False,
        error_messages={"invalid_choice": "Type inconnu : « %(value)s »."},
    )

    def __init__(self, data, *, filters, years=(), kinds=()):
        super().__init__(data)
        for name in list(self.fields):
            if name not in filters:
                del self.fields[name]
        if "year" in self.fields:
            self.fields["year"].choices = [("", "Toutes les années")] + [
                (str(year), str(year)) for year in years
            ]
        if "kind" in self.fields:
            self.fields["kind"].choices = [("", "Tous les types"), *kinds]

    @property
    def error_message(self):
        """One French sentence for the visitor, listing what was wrong."""
        problems = [str(error) for errors in self.errors.values() for error in errors]
        return "Filtre non valide : " + " ".join(problems) + " Aucun résultat à afficher."


@dataclass
class Listing:
    """What a listing template needs."""

    form: ListingFilterForm
    page: PaginatorPage
    message: str = ""
    when: str = ""
    is_filtered: bool = False
    querystring: str = ""  # current filters, without ``page``, for pagination links
    extra: dict = field(default_factory=dict)

    @property
    def items(self):
        return self.page.object_list


def item_model(index_page):
    return apps.get_model(index_page.listing_item_model)


def base_queryset(model):
    """Live, public items with what a card shows prefetched (constant query count)."""
    queryset = model.objects.live().public()
    if hasattr(model, "themes"):
        queryset = queryset.prefetch_related("themes", "territories")
    return queryset.select_related("image").prefetch_related(rendition_prefetch("image"))


def _date_field(model):
    return "start" if hasattr(model, "start") else "date"


def themes_within(theme):
    """The theme and its sub-themes (a subquery of pks): filtering by a theme includes them."""
    return Theme.objects.filter(Q(pk=theme.pk) | Q(parent=theme.pk)).values("pk")


def territories_within(territory):
    """The territory and everything below it, three levels down (département → EPCI →
    commune), as a subquery of pks."""
    return Territory.objects.filter(
        Q(pk=territory.pk)
        | Q(parent=territory.pk)
        | Q(parent__parent=territory.pk)
        | Q(parent__parent__parent=territory.pk)
    ).values("pk")


def _scoped(queryset, index_page):
    if index_page.listing_scope == "children":
        return queryset.child_of(index_page)
    return queryset


def _apply_when(queryset, when):
    now = timezone.now()
    queryset = queryset.annotate(listing_end=Coalesce(F("end"), F("start")))
    if when == PAST:
        return queryset.filter(listing_end__lt=now).order_by("-start", "-pk")
    return queryset.filter(listing_end__gte=now).order_by("start", "pk")


def build_listing(index_page, request):
    """The filtered, paginated items of ``index_page`` for ``request``."""
    model = item_model(index_page)
    filters = index_page.listing_filters
    date_field = _date_field(model)
    scoped = _scoped(model.objects.live().public(), index_page)

    years = []
    if "year" in filters:
        years = (
            scoped.annotate(listing_year=ExtractYear(date_field))
            .order_by("-listing_year")
            .values_list("listing_year", flat=True)
            .distinct()
        )
    kinds = model._meta.get_field("kind").choices if "kind" in filters else ()
    form = ListingFilterForm(request.GET, filters=filters, years=list(years), kinds=kinds)

    queryset = _scoped(base_queryset(model), index_page)
    message = ""
    when = ""
    if form.is_valid():
        data = form.cleaned_data
        if data.get("theme"):
            queryset = queryset.filter(themes__in=themes_within(data["theme"]))
        if data.get("territory"):
            queryset = queryset.filter(territories__in=territories_within(data["territory"]))
        if data.get("year"):
            queryset = queryset.filter(**{f"{date_field}__year": data["year"]})
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("theme") or data.get("territory"):
            # Many-to-many filters may match an item twice (two sub-themes): keep it once.
            queryset = queryset.distinct()
        if "when" in filters:
            when = data.get("when") or UPCOMING
            queryset = _apply_when(queryset, when)
        else:
            queryset = queryset.order_by(f"-{date_field}", "-pk")
        is_filtered = any(data.get(name) for name in ("theme", "territory", "year", "kind"))
    else:
        queryset = queryset.none()
        message = form.error_message
        is_filtered = True
        when = UPCOMING if "when" in filters else ""

    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    if not message and not page.object_list:
        message = (
            "Aucun contenu ne correspond à ces critères."
            if is_filtered
            else "Aucun contenu publié pour le moment."
        )
    params = request.GET.copy()
    params.pop("page", None)
    return Listing(
        form=form,
        page=page,
        message=message,
        when=when,
        is_filtered=is_filtered,
        querystring=params.urlencode(),
    )


def home_sections(home, request):
    """The blocks of the home page: latest news, briefs, upcoming events, dossiers, themes."""
    news_model = apps.get_model("cms.NewsPage")
    brief_model = apps.get_model("cms.BriefPage")
    event_model = apps.get_model("cms.EventPage")
    dossier_model = apps.get_model("cms.DossierPage")

    in_site = {"path__startswith": home.path}
    featured_ids = [
        item.dossier_id for item in home.featured_dossiers.all() if item.dossier_id is not None
    ]
    dossiers = base_queryset(dossier_model).filter(**in_site)
    if featured_ids:
        order = {pk: position for position, pk in enumerate(featured_ids)}
        dossiers = sorted(dossiers.filter(pk__in=featured_ids), key=lambda d: order[d.pk])
    else:
        dossiers = list(dossiers.order_by("-date", "-pk")[:3])

    return {
        "latest_news": list(
            base_queryset(news_model).filter(**in_site).order_by("-date", "-pk")[:3]
        ),
        "latest_briefs": list(
            base_queryset(brief_model).filter(**in_site).order_by("-date", "-pk")[:5]
        ),
        "upcoming_events": list(
            _apply_when(base_queryset(event_model).filter(**in_site), UPCOMING)[:3]
        ),
        "featured_dossiers": dossiers,
        "themes": list(Theme.objects.filter(parent=None)),
        # The live sections under this home, by type name, for the "see all" links.
        "indexes": {
            type(child).__name__: child
            for child in home.get_children().live().public().specific()
            if isinstance(child, ListingIndexPage)
        },
    }
