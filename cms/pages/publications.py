"""Publications: Conf'At proceedings, Fichexpérience sheets, vademecums, syntheses."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index

from cms.api.fields import (
    BODY_API_FIELD,
    LISTING_API_FIELDS,
    TAXONOMY_API_FIELDS,
    ContributorsField,
    DocumentField,
    choice_label_field,
)

from .base import BasePage, BodyMixin, ListingIndexPage, TaxonomyMixin


class PublicationKind(models.TextChoices):
    CONFAT = "confat", "Conf'At"
    FICHEXPERIENCE = "fichexperience", "Fichexpérience"
    VADEMECUM = "vademecum", "Vademecum"
    SYNTHESE = "synthese", "Synthèse"


class PublicationIndexPage(ListingIndexPage):
    template = "cms/publication_index_page.html"
    listing_item_model = "cms.PublicationPage"
    listing_filters = ("theme", "territory", "year", "kind")

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.PublicationPage"]
    max_count_per_parent = 1

    api_fields = [*LISTING_API_FIELDS]

    class Meta:
        verbose_name = "liste des publications"
        verbose_name_plural = "listes des publications"


class PublicationPage(TaxonomyMixin, BodyMixin, BasePage):
    template = "cms/publication_page.html"

    kind = models.CharField("type de publication", max_length=20, choices=PublicationKind.choices)
    number = models.PositiveIntegerField(
        "numéro",
        null=True,
        blank=True,
        help_text="Ex. 24 pour le Conf'At n°24. Unique pour un même type de publication.",
    )
    date = models.DateField(
        "date",
        default=timezone.localdate,
        help_text="Date de la rencontre (Conf'At) ou de parution.",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="document PDF",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="La publication à télécharger, au format PDF.",
    )

    parent_page_types = ["cms.PublicationIndexPage"]
    subpage_types = []

    content_panels = (
        BasePage.content_panels
        + [
            FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("date")]),
            FieldPanel("document"),
            InlinePanel(
                "contributors", heading="Intervenant·e·s et auteur·rice·s", label="Personne"
            ),
            FieldPanel("body"),
        ]
        + TaxonomyMixin.taxonomy_panels
    )
    search_fields = (
        BasePage.search_fields
        + [
            index.SearchField("body"),
            index.FilterField("kind"),
            index.FilterField("number"),
            index.FilterField("date"),
            index.RelatedFields(
                "contributors", [index.SearchField("name"), index.SearchField("organisation")]
            ),
        ]
        + TaxonomyMixin.taxonomy_search_fields
    )

    api_fields = [
        *LISTING_API_FIELDS,
        APIField("kind"),
        choice_label_field("kind"),
        APIField("number"),
        # A property: its serialiser says it is a string (cms.api.shapes needs to know).
        APIField("display_number", serializer=serializers.CharField(read_only=True)),
        APIField("date"),
        APIField("document", serializer=DocumentField()),
        APIField("contributors", serializer=ContributorsField()),
        BODY_API_FIELD,
        *TAXONOMY_API_FIELDS,
    ]

    class Meta:
        verbose_name = "publication"
        verbose_name_plural = "publications"
        # Listings, feeds and the API sort and filter by date (10,000 pages: a sort
        # of the whole table without it).
        indexes = [models.Index(fields=["date"], name="cms_publication_date_idx")]

    @property
    def display_number(self):
        """ "Conf'At n°24", or just the kind when the publication has no number."""
        if self.number is None:
            return self.get_kind_display()
        return f"{self.get_kind_display()} n°{self.number}"

    def clean(self):
        super().clean()
        errors = {}
        if self.number is not None and self.kind:
            # Every page row is either live or a draft: one check covers both. Aliases copy
            # their original's fields, so they are not rivals.
            clash = (
                PublicationPage.objects.filter(kind=self.kind, number=self.number, alias_of=None)
                .exclude(pk=self.pk)
                .first()
            )
            if clash is not None:
                errors["number"] = (
                    f"Le numéro {self.number} est déjà utilisé pour « {self.get_kind_display()} » "
                    f"par la page « {clash.title} »."
                )
        if self.document is not None and self.document.file_extension.lower() != "pdf":
            errors["document"] = "Le document doit être un fichier PDF."
        if errors:
            raise ValidationError(errors)


class PublicationContributor(Orderable):
    """A speaker (Conf'At) or an author (sheets, vademecums, syntheses)."""

    publication = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="contributors"
    )
    name = models.CharField("nom", max_length=150)
    role = models.CharField("fonction", max_length=200, blank=True, help_text="Ex. « sociologue ».")
    organisation = models.CharField("structure", max_length=200, blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = "intervenant·e ou auteur·rice"
        verbose_name_plural = "intervenant·e·s et auteur·rice·s"

    def __str__(self):
        return ", ".join(part for part in (self.name, self.role, self.organisation) if part)
