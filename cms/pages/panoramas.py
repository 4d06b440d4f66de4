"""Press panoramas ("panoramas de presse"): curated, dated lists of press items."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import Orderable
from wagtail.search import index

from cms.api.fields import LISTING_API_FIELDS, TAXONOMY_API_FIELDS, PressItemsField
from cms.validators import web_url_validator

from .base import BasePage, ListingIndexPage, TaxonomyMixin


class PressPanoramaIndexPage(ListingIndexPage):
    """Lists every live panorama of the site, including those that live under a dossier."""

    template = "cms/press_panorama_index_page.html"
    listing_item_model = "cms.PressPanoramaPage"
    listing_scope = "site"

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.PressPanoramaPage"]
    max_count_per_parent = 1

    api_fields = [*LISTING_API_FIELDS]

    class Meta:
        verbose_name = "liste des panoramas de presse"
        verbose_name_plural = "listes des panoramas de presse"


class PressPanoramaPage(TaxonomyMixin, BasePage):
    template = "cms/press_panorama_page.html"

    date = models.DateField("date", default=timezone.localdate)

    parent_page_types = ["cms.DossierPage", "cms.PressPanoramaIndexPage"]
    subpage_types = []

    content_panels = (
        BasePage.content_panels
        + [
            FieldPanel("date"),
            InlinePanel(
                "press_items",
                heading="Articles de presse",
                label="Article",
                help_text="Glisser-déposer pour changer l'ordre d'affichage.",
            ),
        ]
        + TaxonomyMixin.taxonomy_panels
    )
    search_fields = (
        BasePage.search_fields
        + [
            index.FilterField("date"),
            index.RelatedFields(
                "press_items",
                [
                    index.SearchField("title"),
                    index.SearchField("outlet"),
                    index.SearchField("excerpt"),
                ],
            ),
        ]
        + TaxonomyMixin.taxonomy_search_fields
    )

    api_fields = [
        *LISTING_API_FIELDS,
        APIField("date"),
        APIField("press_items", serializer=PressItemsField()),
        *TAXONOMY_API_FIELDS,
    ]

    class Meta:
        verbose_name = "panorama de presse"
        verbose_name_plural = "panoramas de presse"
        # Listings, feeds and the API sort and filter by date (10,000 pages: a sort
        # of the whole table without it).
        indexes = [models.Index(fields=["date"], name="cms_panorama_date_idx")]


class PressItem(Orderable):
    panorama = ParentalKey(PressPanoramaPage, on_delete=models.CASCADE, related_name="press_items")
    title = models.CharField("titre de l'article", max_length=300)
    outlet = models.CharField("média", max_length=150, help_text="Ex. « Le Monde », « France 3 ».")
    date = models.DateField("date de parution", null=True, blank=True)
    url = models.URLField(
        "adresse de l'article",
        max_length=500,
        validators=[web_url_validator],
        help_text="Adresse complète, commençant par http:// ou https://.",
    )
    excerpt = models.TextField("extrait", blank=True)
    theme = models.ForeignKey(
        "cms.Theme",
        verbose_name="thématique",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_items",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("outlet"),
        FieldPanel("date"),
        FieldPanel("url"),
        FieldPanel("excerpt"),
        FieldPanel("theme"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "article de presse"
        verbose_name_plural = "articles de presse"

    def __str__(self):
        return f"{self.title} ({self.outlet})"
