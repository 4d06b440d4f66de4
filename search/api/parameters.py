"""Validation of the autocomplete's parameters (the search's own are in ``search.forms``).

``q`` may be short or empty (no suggestions then, not an error: people type one letter at a
time), but at most ``MAX_PREFIX_LENGTH`` characters; ``limit`` from 1 to ``MAX_LIMIT``; any
other parameter is refused, like on ``/api/search/``.
"""

from django import forms

from search.forms import InvalidSearch

MAX_PREFIX_LENGTH = 100
MAX_LIMIT = 20
DEFAULT_LIMIT = 8
KNOWN_PARAMETERS = {"q", "limit", "format"}


class SuggestForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=MAX_PREFIX_LENGTH,
        error_messages={
            "max_length": f"Le début de recherche ne peut dépasser {MAX_PREFIX_LENGTH} caractères."
        },
    )
    limit = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_LIMIT,
        error_messages={
            "invalid": "Le nombre de suggestions doit être un nombre entier.",
            "min_value": f"Le nombre de suggestions va de 1 à {MAX_LIMIT}.",
            "max_value": f"Le nombre de suggestions va de 1 à {MAX_LIMIT}.",
        },
    )

    def __init__(self, data, *args, **kwargs):
        self.unknown = sorted(set(data) - KNOWN_PARAMETERS)
        super().__init__(data, *args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        for name in self.unknown:
            self.add_error(None, f"Paramètre inconnu : « {name[:50]} ».")
        return cleaned


def validate_suggest(query_dict):
    """``(prefix, limit)`` from ``request.GET``, or ``InvalidSearch`` with French messages."""
    form = SuggestForm(query_dict)
    if not form.is_valid():
        raise InvalidSearch(
            {
                ("non_field_errors" if key == "__all__" else key): [str(m) for m in messages]
                for key, messages in form.errors.items()
            }
        )
    return form.cleaned_data["q"], form.cleaned_data["limit"] or DEFAULT_LIMIT
