"""Thematic dossiers: Dossiers R&T, web dossiers and Dossiers Théma."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.search import index

from cms.api import visibility
from cms.api.fields import (
    BODY_API_FIELD,
    LISTING_API_FIELDS,
    TAXONOMY_API_FIELDS,
    PanoramasField,
    SectionsField,
    StreamBodyField,
    choice_label_field,
)
from cms.blocks import ResourcesStreamBlock

from .base import BasePage, BodyMixin, ListingIndexPage, TaxonomyMixin


class DossierKind(models.TextChoices):
    DOSSIER_RT = "dossier_rt", "Dossier R&T"
    WEB = "web", "Dossier web"
    THEMA = "thema", "Dossier Théma"


class DossierIndexPage(ListingIndexPage):
    template = "cms/dossier_index_page.html"
    listing_item_model = "cms.DossierPage"

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.DossierPage"]
    max_count_per_parent = 1

    api_fields = [*LISTING_API_FIELDS]

    class Meta:
        verbose_name = "liste des dossiers"
        verbose_name_plural = "listes des dossiers"


class DossierPage(TaxonomyMixin, BodyMixin, BasePage):
    """A dossier's sections are the headings of its body; its press panorama is a child page."""

    template = "cms/dossier_page.html"

    kind = models.CharField(
        "type de dossier", max_length=20, choices=DossierKind.choices, default=DossierKind.WEB
    )
    date = models.DateField(
        "date de publication", default=timezone.localdate, help_text="Utilisée pour le tri."
    )
    resources = StreamField(
        ResourcesStreamBlock(),
        verbose_name="ressources",
        blank=True,
        help_text="Une sélection de ressources : liens externes, documents, pages du site.",
    )

    parent_page_types = ["cms.DossierIndexPage"]
    subpage_types = ["cms.PressPanoramaPage"]

    content_panels = (
        BasePage.content_panels
        + [
            FieldPanel("kind"),
            FieldPanel("date"),
            FieldPanel(
                "body",
                help_text="Les sections du dossier : chaque titre (h2) ouvre une section.",
            ),
            FieldPanel("resources"),
        ]
        + TaxonomyMixin.taxonomy_panels
    )
    search_fields = (
        BasePage.search_fields
        + [
            index.SearchField("body"),
            index.SearchField("resources"),
            index.FilterField("kind"),
            index.FilterField("date"),
        ]
        + TaxonomyMixin.taxonomy_search_fields
    )

    api_fields = [
        *LISTING_API_FIELDS,
        APIField("kind"),
        choice_label_field("kind"),
        APIField("date"),
        APIField("sections", serializer=SectionsField()),
        BODY_API_FIELD,
        APIField("resources", serializer=StreamBodyField()),
        APIField("press_panoramas", serializer=PanoramasField()),
        *TAXONOMY_API_FIELDS,
    ]

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        # Listings, feeds and the API sort and filter by date (10,000 pages: a sort
        # of the whole table without it).
        indexes = [models.Index(fields=["date"], name="cms_dossier_date_idx")]

    @property
    def sections(self):
        """(anchor, title) of each h2 heading, for the dossier's table of contents."""
        return [
            (block.value.anchor, block.value["text"])
            for block in self.body
            if block.block_type == "heading" and block.value.tag == "h2"
        ]

    def press_panoramas(self, seen=None):
        """Live, unexpired, public panoramas of this dossier, latest first. ``seen``: the
        request's ``cms.api.visibility.Visibility`` (restrictions read once per request)."""
        from .panoramas import PressPanoramaPage

        seen = seen or visibility.Visibility()
        return seen.filter_public(PressPanoramaPage.objects.child_of(self)).order_by("-date")
