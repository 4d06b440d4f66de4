"""The blog "L'actualité des Territoires": short regional briefs relayed with their source."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.api.fields import LISTING_API_FIELDS, TAXONOMY_API_FIELDS
from cms.validators import web_url_validator

from .base import BasePage, ListingIndexPage, TaxonomyMixin


class BlogIndexPage(ListingIndexPage):
    template = "cms/blog_index_page.html"
    listing_item_model = "cms.BriefPage"

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.BriefPage"]
    max_count_per_parent = 1

    api_fields = [*LISTING_API_FIELDS]

    class Meta:
        verbose_name = "blog « L'actualité des Territoires »"
        verbose_name_plural = "blogs « L'actualité des Territoires »"


class BriefPage(TaxonomyMixin, BasePage):
    """A brief is short on purpose: its text is the intro, its substance is at the source."""

    template = "cms/brief_page.html"

    date = models.DateField("date", default=timezone.localdate)
    source_name = models.CharField(
        "source", max_length=200, blank=True, help_text="Ex. « La Dépêche du Midi », « ANCT »."
    )
    source_url = models.URLField(
        "lien vers la source",
        max_length=500,
        blank=True,
        validators=[web_url_validator],
        help_text="Adresse complète, commençant par http:// ou https://.",
    )

    parent_page_types = ["cms.BlogIndexPage"]
    subpage_types = []

    content_panels = (
        Page.content_panels
        + [
            FieldPanel("date"),
            FieldPanel(
                "intro",
                heading="Texte de la brève",
                help_text="Quelques phrases : l'essentiel de l'information relayée.",
            ),
            MultiFieldPanel(
                [FieldPanel("source_name"), FieldPanel("source_url")], heading="Source"
            ),
            FieldPanel("image"),
        ]
        + TaxonomyMixin.taxonomy_panels
    )
    search_fields = (
        BasePage.search_fields
        + [index.SearchField("source_name"), index.FilterField("date")]
        + TaxonomyMixin.taxonomy_search_fields
    )

    api_fields = [
        *LISTING_API_FIELDS,
        APIField("date"),
        APIField("source_name"),
        APIField("source_url"),
        *TAXONOMY_API_FIELDS,
    ]

    class Meta:
        verbose_name = "brève"
        verbose_name_plural = "brèves"
        # Listings, feeds and the API sort and filter by date (10,000 pages: a sort
        # of the whole table without it).
        indexes = [models.Index(fields=["date"], name="cms_brief_date_idx")]
