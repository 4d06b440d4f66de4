from django import forms
from django.core.exceptions import ValidationError

from .roles import Role


class MembersImportForm(forms.Form):
    file = forms.FileField(
        label="Fichier CSV",
        help_text="Colonnes : e-mail, nom, organisation (séparateur « , » ou « ; », "
        "UTF-8 ou export Excel). La première ligne peut contenir les titres de colonnes.",
    )
    role = forms.ChoiceField(label="Rôle", choices=Role.choices, initial=Role.MEMBER)

    MAX_SIZE = 2 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_SIZE:
            raise ValidationError("Fichier trop volumineux (2 Mo au plus).")
        return upload
