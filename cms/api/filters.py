"""Filter backends of the pages endpoint.

Query parameters, on top of Wagtail's (``type``, ``child_of``, ``descendant_of``, ``order``…):

- ``theme=<slug>``: pages classed under that theme or one of its sub-themes;
- ``territory=<slug>``: pages classed under that territory or one inside it (a région
  includes its départements, EPCI and communes);
- ``year=YYYY``: by the page's date (an event's start);
- ``date_from`` / ``date_to`` (``YYYY-MM-DD``, inclusive): by the page's date; an event
  matches when it overlaps the period (ends on or after ``date_from``, starts on or before
  ``date_to``);
- ``upcoming=true|false``: events not yet over (soonest first) or past events (latest first);
  needs ``type=cms.EventPage``;
- field filters (``?kind=confat``, ``?number=24``): Wagtail's, with values validated first.

Without ``type`` (or with several types), ``theme``, ``territory``, ``year`` and the dates
apply to every page type that has the field; page types without it drop out.

Every bad value answers 400 with a JSON message (``BadRequestError``), never a 500 and never a
silently empty list: an unknown theme or territory slug is a 400 too, so a typo in a front
end shows up at once instead of looking like "no content".
"""

import datetime
import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from taggit.managers import TaggableManager
from wagtail.api.v2.filters import FieldsFilter, LocaleFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError, parse_boolean
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, get_page_models

from cms.listings import territories_within, themes_within
from cms.taxonomy import Territory, Theme

CUSTOM_PARAMETERS = ("theme", "territory", "year", "date_from", "date_to", "upcoming")

YEAR = re.compile(r"^\d{4}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _type_label(model):
    return f"{model._meta.app_label}.{model.__name__}"


def _restrict(queryset, parameter, lookup_field, condition):
    """Keep the pages whose own model has ``lookup_field`` and matches ``condition``.

    ``condition(model)`` returns that model's matching queryset. On a specific model the
    filter is a ``pk__in`` subquery (no duplicates through many-to-many joins); on generic
    pages, it is the union of every page type having the field.
    """
    model = queryset.model
    if model is Page:
        match = Q(pk__in=[])
        for candidate in get_page_models():
            if candidate is not Page and has_field(candidate, lookup_field):
                match |= Q(pk__in=condition(candidate).values("pk"))
        return queryset.filter(match)
    if not has_field(model, lookup_field):
        raise BadRequestError(
            f"{parameter} : ce filtre ne s'applique pas au type {_type_label(model)}."
        )
    return queryset.filter(pk__in=condition(model).values("pk"))


def _required_value(request, name):
    value = request.GET[name]
    if value == "":
        raise BadRequestError(f"{name} : valeur vide.")
    if "\x00" in value:
        raise BadRequestError(f"{name} : caractère nul interdit.")
    return value


class TaxonomyFilter(BaseFilterBackend):
    """``theme=<slug>`` and ``territory=<slug>``, sub-terms included."""

    def filter_queryset(self, request, queryset, view):
        if "theme" in request.GET:
            slug = _required_value(request, "theme")
            theme = Theme.objects.filter(slug=slug).first()
            if theme is None:
                raise BadRequestError(f"theme : thématique inconnue « {slug} ».")
            within = themes_within(theme)
            queryset = _restrict(
                queryset, "theme", "themes", lambda m: m.objects.filter(themes__in=within)
            )
        if "territory" in request.GET:
            slug = _required_value(request, "territory")
            territory = Territory.objects.filter(slug=slug).first()
            if territory is None:
                raise BadRequestError(f"territory : territoire inconnu « {slug} ».")
            within = territories_within(territory)
            queryset = _restrict(
                queryset,
                "territory",
                "territories",
                lambda m: m.objects.filter(territories__in=within),
            )
        return queryset


def _date_field(model):
    """The field a page type is dated by: an event's start, otherwise its date."""
    if has_field(model, "start"):
        return "start"
    if has_field(model, "date"):
        return "date"
    return None


def _parse_date(request, name):
    value = _required_value(request, name)
    try:
        if not ISO_DATE.match(value):
            raise ValueError
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise BadRequestError(
            f"{name} : date attendue au format AAAA-MM-JJ (ex. 2023-05-18), reçu « {value} »."
        ) from None


def _dated(queryset, parameter, condition):
    """Like ``_restrict`` for the date of each page type (``date`` or ``start``)."""
    model = queryset.model
    if model is Page:
        match = Q(pk__in=[])
        for candidate in get_page_models():
            field = _date_field(candidate)
            if candidate is not Page and field:
                match |= Q(pk__in=condition(candidate, field).values("pk"))
        return queryset.filter(match)
    field = _date_field(model)
    if field is None:
        raise BadRequestError(
            f"{parameter} : le type {_type_label(model)} n'est pas daté, ce filtre ne "
            "s'applique pas."
        )
    return queryset.filter(pk__in=condition(model, field).values("pk"))


def _ends_on_or_after(model, field, day):
    if field == "start":  # an event is still on the day it ends
        return model.objects.annotate(api_end=Coalesce(F("end"), F("start"))).filter(
            api_end__date__gte=day
        )
    return model.objects.filter(**{f"{field}__gte": day})


def _starts_on_or_before(model, field, day):
    lookup = f"{field}__date__lte" if field == "start" else f"{field}__lte"
    return model.objects.filter(**{lookup: day})


class DateFilter(BaseFilterBackend):
    """``year``, ``date_from`` and ``date_to``."""

    def filter_queryset(self, request, queryset, view):
        if "year" in request.GET:
            value = _required_value(request, "year")
            if not YEAR.match(value) or int(value) < 1900:
                raise BadRequestError(
                    f"year : année sur quatre chiffres attendue (ex. 2023), reçu « {value} »."
                )
            year = int(value)
            queryset = _dated(
                queryset, "year", lambda m, f: m.objects.filter(**{f"{f}__year": year})
            )
        date_from = _parse_date(request, "date_from") if "date_from" in request.GET else None
        date_to = _parse_date(request, "date_to") if "date_to" in request.GET else None
        if date_from and date_to and date_from > date_to:
            raise BadRequestError("date_from : doit précéder date_to.")
        if date_from:
            queryset = _dated(
                queryset, "date_from", lambda m, f: _ends_on_or_after(m, f, date_from)
            )
        if date_to:
            queryset = _dated(queryset, "date_to", lambda m, f: _starts_on_or_before(m, f, date_to))
        return queryset


class UpcomingFilter(BaseFilterBackend):
    """``upcoming=true``: events not over yet, soonest first; ``false``: past, latest first.

    The default order applies only without ``order`` (``OrderingFilter`` runs afterwards).
    """

    def filter_queryset(self, request, queryset, view):
        if "upcoming" not in request.GET:
            return queryset
        value = _required_value(request, "upcoming")
        try:
            upcoming = parse_boolean(value)
        except ValueError:
            raise BadRequestError(
                f"upcoming : « true » ou « false » attendu, reçu « {value} »."
            ) from None
        model = queryset.model
        if not (has_field(model, "start") and has_field(model, "end")):
            raise BadRequestError("upcoming : réservé aux évènements, ajouter type=cms.EventPage.")
        now = timezone.now()
        queryset = queryset.annotate(api_end=Coalesce(F("end"), F("start")))
        if upcoming:
            return queryset.filter(api_end__gte=now).order_by("start", "pk")
        return queryset.filter(api_end__lt=now).order_by("-start", "-pk")


# Field types a field filter (``?<field>=<value>``) can compare exactly.
FILTERABLE_FIELDS = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.DateField,  # DateTimeField is a DateField
    models.ForeignKey,
    models.ManyToManyField,
    models.ManyToOneRel,
)


def _comparison_field(field):
    """The field whose ``to_python`` validates a filter value for ``field``."""
    if field.is_relation:
        return field.related_model._meta.pk
    return field


class ValidatedFieldsFilter(FieldsFilter):
    """Wagtail's field filters, with each value checked before it reaches the database.

    Wagtail converts booleans, integers and foreign keys, but a malformed date, an
    out-of-range number or a choice the field does not have would fail in the database
    (500). Here each value goes through the model field's own ``to_python``, validators and
    choices first.
    """

    def filter_queryset(self, request, queryset, view):
        names = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name in names:
                self.validate(queryset.model, name, value)
        return super().filter_queryset(request, queryset, view)

    def validate(self, model, name, value):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return
        if isinstance(field, TaggableManager):
            return  # Wagtail filters tags itself (?tags=a,b)
        if isinstance(field, StreamField) or not isinstance(field, FILTERABLE_FIELDS):
            raise BadRequestError(f"{name} : ce champ ne peut pas servir de filtre.")
        if "\x00" in value:
            raise BadRequestError(f"{name} : caractère nul interdit.")
        if isinstance(field, models.BooleanField):
            return  # Wagtail's strict parse_boolean answers 400 itself
        target = _comparison_field(field)
        try:
            python_value = target.to_python(value)
            target.run_validators(python_value)
        except (ValidationError, ValueError, TypeError):
            raise BadRequestError(f"{name} : valeur non valide « {value} ».") from None
        if field.choices and python_value not in dict(field.flatchoices):
            allowed = ", ".join(str(key) for key, _label in field.flatchoices)
            raise BadRequestError(f"{name} : valeur inconnue « {value} » (possibles : {allowed}).")


class ValidatedOrderingFilter(OrderingFilter):
    """Wagtail's ``order``, refusing fields that cannot sort (bodies, many-valued relations)."""

    def filter_queryset(self, request, queryset, view):
        order = request.GET.get("order")
        if order:
            for item in order.split(","):
                name = item.lstrip("-")
                try:
                    field = queryset.model._meta.get_field(name)
                except FieldDoesNotExist:
                    continue  # unknown names: Wagtail answers 400
                if isinstance(field, StreamField) or field.many_to_many or field.one_to_many:
                    raise BadRequestError(f"order : impossible de trier par « {name} ».")
        return super().filter_queryset(request, queryset, view)


class StrictLocaleFilter(LocaleFilter):
    """``locale`` with an unknown language answers 400 (Wagtail's answers 404)."""

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET:
            code = request.GET["locale"]
            if not Locale.objects.filter(language_code=code).exists():
                raise BadRequestError(f"locale : langue inconnue « {code} ».")
        return super().filter_queryset(request, queryset, view)
