"""Themes: the fields of intervention of R&T (six in 2023), with one level of sub-themes."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel


class Theme(models.Model):
    name = models.CharField("nom", max_length=150)
    slug = models.SlugField(
        "identifiant d'URL",
        max_length=150,
        unique=True,
        allow_unicode=False,
        help_text="Utilisé dans les adresses et les filtres (ex. « education »).",
    )
    description = models.TextField("description", blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="thématique parente",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="Laisser vide pour un champ d'intervention ; choisir un champ pour une "
        "sous-thématique.",
    )
    sort_order = models.PositiveSmallIntegerField(
        "ordre d'affichage", default=0, help_text="Les plus petits nombres viennent en premier."
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("parent"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = "thématique"
        verbose_name_plural = "thématiques"
        ordering = ["sort_order", "name"]

    def __str__(self):
        if self.parent_id:
            return f"{self.parent} › {self.name}"
        return self.name

    @property
    def is_field_of_intervention(self):
        """Top-level themes are the fields of intervention; the others are sub-themes."""
        return self.parent_id is None

    def clean(self):
        # Only two levels: a field of intervention and its sub-themes. Deeper trees would make
        # filters and facets ambiguous for editors and visitors alike.
        if self.parent_id is None:
            return
        if self.pk and self.parent_id == self.pk:
            message = "Une thématique ne peut pas être sa propre parente."
        elif self.parent.parent_id is not None:
            message = "La thématique parente doit être un champ d'intervention (premier niveau)."
        elif self.pk and self.children.exists():
            message = "Cette thématique a des sous-thématiques : elle reste au premier niveau."
        else:
            return
        raise ValidationError({"parent": message})
