"""Territories: Occitanie, its départements, intercommunalities (EPCI) and communes."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from wagtail.admin.panels import FieldPanel


class TerritoryLevel(models.TextChoices):
    # Values sort in the hierarchy's order; LEVEL_RANK below is the source of truth.
    REGION = "region", "Région"
    DEPARTEMENT = "departement", "Département"
    EPCI = "epci", "Intercommunalité (EPCI)"
    COMMUNE = "commune", "Commune"


LEVEL_RANK = {
    TerritoryLevel.REGION: 0,
    TerritoryLevel.DEPARTEMENT: 1,
    TerritoryLevel.EPCI: 2,
    TerritoryLevel.COMMUNE: 3,
}

# Official codes per level: INSEE for région, département and commune, SIREN for EPCI.
CODE_FORMATS = {
    TerritoryLevel.REGION: (re.compile(r"^\d{2}$"), "2 chiffres (ex. « 76 » pour l'Occitanie)"),
    TerritoryLevel.DEPARTEMENT: (
        re.compile(r"^(\d{2}|2[AB]|97\d)$"),
        "2 caractères ou 3 chiffres outre-mer (ex. « 31 », « 2A », « 974 »)",
    ),
    TerritoryLevel.EPCI: (re.compile(r"^\d{9}$"), "9 chiffres, le SIREN (ex. « 243100518 »)"),
    TerritoryLevel.COMMUNE: (
        re.compile(r"^(\d{5}|2[AB]\d{3})$"),
        "5 caractères, le code INSEE (ex. « 31555 », « 2A004 »)",
    ),
}


class Territory(models.Model):
    name = models.CharField("nom", max_length=150)
    slug = models.SlugField(
        "identifiant d'URL",
        max_length=150,
        unique=True,
        help_text="Utilisé dans les adresses et les filtres (ex. « haute-garonne »).",
    )
    level = models.CharField("niveau", max_length=12, choices=TerritoryLevel.choices)
    code = models.CharField(
        "code officiel",
        max_length=9,
        blank=True,
        default="",
        help_text="Code INSEE (région, département, commune) ou SIREN (EPCI). Facultatif, "
        "unique s'il est renseigné.",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="territoire parent",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Région → départements → EPCI → communes : le parent est d'un niveau supérieur.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("level"),
        FieldPanel("code"),
        FieldPanel("parent"),
    ]

    class Meta:
        verbose_name = "territoire"
        verbose_name_plural = "territoires"
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=~Q(code=""),
                name="cms_territory_unique_code_when_set",
                violation_error_message="Un territoire porte déjà ce code.",
            )
        ]

    def __str__(self):
        if self.code:
            return f"{self.name} ({self.code})"
        return self.name

    def clean(self):
        errors = {}
        self.code = (self.code or "").strip().upper()
        if self.code and self.level in CODE_FORMATS:
            pattern, expected = CODE_FORMATS[self.level]
            if not pattern.match(self.code):
                errors["code"] = f"Code invalide pour ce niveau : attendu {expected}."
        if self.parent_id is not None and self.level in LEVEL_RANK:
            if self.pk and self.parent_id == self.pk:
                errors["parent"] = "Un territoire ne peut pas être son propre parent."
            elif LEVEL_RANK[self.parent.level] >= LEVEL_RANK[self.level]:
                errors["parent"] = (
                    f"Un territoire de niveau « {self.get_level_display()} » ne peut pas avoir "
                    f"pour parent un territoire de niveau « {self.parent.get_level_display()} » : "
                    "le parent doit être d'un niveau supérieur."
                )
        elif self.level == TerritoryLevel.REGION and self.parent_id is not None:
            errors["parent"] = "Une région n'a pas de territoire parent."
        if errors:
            raise ValidationError(errors)
