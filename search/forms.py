"""Validation of search input, shared by the JSON API and the HTML page.

Rules (each answered with a French message, never a 500):
- ``q`` may be empty (browsing by filters, newest first); at most 200 characters; engine
  syntax (quotes, ``*``, ``~``, ``:``, brackets, ``^``, ``!``, slashes…) is removed rather
  than refused, since people paste titles that contain it;
- filters: ``kind`` (known kinds), ``theme`` and ``territory`` (slugs), ``space`` and
  ``year`` (numbers), ``date_from``/``date_to`` (ISO dates); any other parameter is refused;
- ``sort``: ``relevance`` (default) or ``date``;
- ``page`` from 1 to 100, ``page_size`` from 1 to 50: outside these bounds the request is
  refused (a page past the last one is simply empty).
"""

import re

from django import forms
from django.core.exceptions import ValidationError

from search.engines import DATE, RELEVANCE, Filters
from search.models import Kind

MAX_QUERY_LENGTH = 200
MAX_PAGE = 100
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 20
MAX_FILTER_VALUES = 20
KNOWN_PARAMETERS = {
    "q", "kind", "theme", "territory", "space", "year", "date_from", "date_to", "sort",
    "page", "page_size", "format",
}  # fmt: skip
# Characters with a meaning in some engine's query syntax, and control characters.
ENGINE_SYNTAX_RE = re.compile(r"[\"*~:()\[\]{}^!\\/<>=&|+?;`@#$%]|[\x00-\x1f\x7f]")
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,149}$")


class InvalidSearch(Exception):
    """Bad input; ``errors`` maps each parameter to its French messages."""

    def __init__(self, errors):
        super().__init__("; ".join(m for messages in errors.values() for m in messages))
        self.errors = errors


def clean_query_text(text):
    """Engine syntax and control characters become spaces; whitespace is collapsed. A leading
    ``-`` (negation in some syntaxes) goes too; ``-`` inside words stays (``acteur-rice-s``)."""
    text = ENGINE_SYNTAX_RE.sub(" ", text or "")
    words = [word.strip("-.·") for word in text.split()]
    return " ".join(word for word in words if word)


class MultipleValuesField(forms.Field):
    """Several values, given repeated (``?theme=a&theme=b``) or comma-separated."""

    def __init__(self, item_field, **kwargs):
        self.item_field = item_field
        super().__init__(required=False, **kwargs)

    def to_python(self, value):
        if value in (None, "", []):
            return []
        values = value if isinstance(value, (list, tuple)) else [value]
        items = [item.strip() for raw in values for item in str(raw).split(",") if item.strip()]
        if len(items) > MAX_FILTER_VALUES:
            raise ValidationError(f"Au plus {MAX_FILTER_VALUES} valeurs par filtre.")
        return list(dict.fromkeys(self.item_field.clean(item) for item in items))


class SlugValueField(forms.CharField):
    def clean(self, value):
        value = super().clean(value)
        if not SLUG_RE.match(value):
            raise ValidationError(f"« {value[:50]} » n'est pas un identifiant valide.")
        return value


def _shared(form_class):
    """``form_class`` with its fields shared by every instance rather than deep-copied into
    each: a search form is only validated, never rendered, and validation only reads its
    fields. Copying the eleven fields was half of validating a search (0.08 of 0.15 ms, #16).
    Nothing may change a field on an instance (a widget, choices, ``required``)."""
    for field in form_class.base_fields.values():
        # ``copy.deepcopy`` asks the object itself: the form's copy is the field.
        field.__deepcopy__ = lambda memo, field=field: field
    return form_class


@_shared
class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        strip=True,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": f"La recherche ne peut dépasser {MAX_QUERY_LENGTH} caractères."
        },
    )
    kind = MultipleValuesField(
        forms.ChoiceField(
            choices=Kind.choices,
            error_messages={"invalid_choice": "Nature de contenu inconnue : « %(value)s »."},
        )
    )
    theme = MultipleValuesField(SlugValueField())
    territory = MultipleValuesField(SlugValueField())
    space = MultipleValuesField(
        forms.IntegerField(min_value=1, error_messages={"invalid": "Espace invalide."})
    )
    year = MultipleValuesField(
        forms.IntegerField(
            min_value=1900, max_value=2200, error_messages={"invalid": "Année invalide."}
        )
    )
    date_from = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": "Date invalide."}
    )
    date_to = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": "Date invalide."}
    )
    sort = forms.ChoiceField(
        required=False,
        choices=[(RELEVANCE, "Pertinence"), (DATE, "Date")],
        error_messages={"invalid_choice": "Tri inconnu : utilisez « relevance » ou « date »."},
    )
    page = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": "Le numéro de page doit être un nombre entier.",
            "min_value": "Le numéro de page commence à 1.",
            "max_value": f"Au-delà de la page {MAX_PAGE}, affinez plutôt la recherche.",
        },
    )
    page_size = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE_SIZE,
        error_messages={
            "invalid": "La taille de page doit être un nombre entier.",
            "min_value": "La taille de page va de 1 à 50.",
            "max_value": "La taille de page va de 1 à 50.",
        },
    )

    def __init__(self, data, *args, **kwargs):
        self.unknown = sorted(set(data) - KNOWN_PARAMETERS) if data is not None else []
        if hasattr(data, "getlist"):  # a QueryDict: keep repeated values of multi filters
            multi = {"kind", "theme", "territory", "space", "year"}
            data = {key: data.getlist(key) if key in multi else data.get(key) for key in data}
        super().__init__(data, *args, **kwargs)

    def clean_q(self):
        return clean_query_text(self.cleaned_data.get("q", ""))

    def clean(self):
        cleaned = super().clean()
        for name in self.unknown:
            self.add_error(None, f"Paramètre inconnu : « {name[:50]} ».")
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", "La date de fin précède la date de début.")
        return cleaned

    def parameters(self):
        """Validated values, or ``InvalidSearch`` with every message."""
        if not self.is_valid():
            errors = {
                ("non_field_errors" if key == "__all__" else key): [str(m) for m in messages]
                for key, messages in self.errors.items()
            }
            raise InvalidSearch(errors)
        data = self.cleaned_data
        return {
            "q": data["q"],
            "filters": Filters(
                kind=tuple(data["kind"]),
                theme=tuple(data["theme"]),
                territory=tuple(data["territory"]),
                space=tuple(data["space"]),
                year=tuple(data["year"]),
                date_from=data["date_from"],
                date_to=data["date_to"],
            ),
            "sort": data["sort"] or RELEVANCE,
            "page": data["page"] or 1,
            "page_size": data["page_size"] or DEFAULT_PAGE_SIZE,
        }


def validate_search(data):
    """``data`` (a dict or ``request.GET``) → validated parameters, or ``InvalidSearch``."""
    return SearchForm(data).parameters()
