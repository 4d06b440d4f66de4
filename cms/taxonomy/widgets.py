"""Admin widgets of the taxonomies."""

import unicodedata

from django import forms


def _folded(text: str) -> str:
    """Accents folded and case ignored, so that « Égalité » sorts between « Éducation » and
    « Illettrisme », as in a French index, not after « Z »."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


class ThemeCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """The themes' checkboxes ordered by parent then name: each sub-theme (« Parent ›
    Sous-thème », its label) right under its parent, everything alphabetical.

    The choices come from the model's default ordering (``sort_order``), which interleaves
    sub-themes of different parents; editors look for a theme by name."""

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        groups.sort(key=lambda group: _folded(group[1][0]["label"]))
        for index, (_, options, _) in enumerate(groups):
            for option in options:
                option["index"] = str(index)
        return [
            (group_name, options, index) for index, (group_name, options, _) in enumerate(groups)
        ]
