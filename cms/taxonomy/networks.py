"""Networks ("réseaux") R&T animates: VRL, PRE, PEP'S… An extranet Space may point to one."""

from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .widgets import ThemeCheckboxSelectMultiple


class Network(models.Model):
    name = models.CharField(
        "nom", max_length=200, help_text="Ex. « Réseau Valeurs de la République et laïcité »."
    )
    short_name = models.CharField(
        "sigle ou nom court",
        max_length=40,
        blank=True,
        help_text="Ex. « VRL », « PRE », « PEP'S ».",
    )
    slug = models.SlugField("identifiant d'URL", max_length=100, unique=True)
    description = models.TextField("description", blank=True)
    audience = models.CharField(
        "public du réseau",
        max_length=255,
        blank=True,
        help_text="Qui en fait partie, ex. « formateur·rice·s bénévoles ».",
    )
    member_count = models.PositiveIntegerField(
        "nombre de membres",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Laisser vide s'il n'est pas connu.",
    )
    member_count_label = models.CharField(
        "libellé du nombre de membres",
        max_length=80,
        blank=True,
        default="membres",
        help_text="Ce que l'on compte, ex. « membres », « structures », « référent·e·s ».",
    )
    themes = models.ManyToManyField(
        "cms.Theme", verbose_name="thématiques", blank=True, related_name="networks"
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page de contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("audience"),
        MultiFieldPanel(
            [FieldPanel("member_count"), FieldPanel("member_count_label")],
            heading="Effectif",
        ),
        # Parent then name, as on the pages (one widget for every theme checkbox list).
        FieldPanel("themes", widget=ThemeCheckboxSelectMultiple),
        FieldPanel("contact_page"),
    ]

    class Meta:
        verbose_name = "réseau"
        verbose_name_plural = "réseaux"
        ordering = ["name"]

    def __str__(self):
        if self.short_name:
            return f"{self.short_name} – {self.name}"
        return self.name

    @property
    def member_count_display(self):
        """ "250 membres", "1 membre", or an empty string when the count is unknown.

        Only the default label is put in the singular: a label the editor typed
        (« structures », « référent·e·s ») is shown as typed."""
        if self.member_count is None:
            return ""
        label = self.member_count_label or "membres"
        if self.member_count == 1 and label == "membres":
            label = "membre"
        return f"{self.member_count} {label}".strip()
