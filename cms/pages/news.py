"""News ("actualités"): dated articles under the news index."""

from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.api.fields import BODY_API_FIELD, LISTING_API_FIELDS, TAXONOMY_API_FIELDS

from .base import BasePage, BodyMixin, ListingIndexPage, TaxonomyMixin


class NewsIndexPage(ListingIndexPage):
    template = "cms/news_index_page.html"
    listing_item_model = "cms.NewsPage"

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsPage"]
    max_count_per_parent = 1

    api_fields = [*LISTING_API_FIELDS]

    class Meta:
        verbose_name = "liste des actualités"
        verbose_name_plural = "listes des actualités"


class NewsPage(TaxonomyMixin, BodyMixin, BasePage):
    template = "cms/news_page.html"

    date = models.DateField(
        "date", default=timezone.localdate, help_text="Date affichée et utilisée pour le tri."
    )

    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    content_panels = (
        BasePage.content_panels
        + [FieldPanel("date"), FieldPanel("body")]
        + TaxonomyMixin.taxonomy_panels
    )
    search_fields = (
        BasePage.search_fields
        + [index.SearchField("body"), index.FilterField("date")]
        + TaxonomyMixin.taxonomy_search_fields
    )

    api_fields = [
        *LISTING_API_FIELDS,
        APIField("date"),
        BODY_API_FIELD,
        *TAXONOMY_API_FIELDS,
    ]

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"
        # Listings, feeds and the API sort and filter by date (10,000 pages: a sort
        # of the whole table without it).
        indexes = [models.Index(fields=["date"], name="cms_news_date_idx")]
