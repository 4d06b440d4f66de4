"""Newsletter issues ("Flash Info"), readable on the site."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.api.fields import BODY_API_FIELD, LISTING_API_FIELDS

from .base import BasePage, BodyMixin, ListingIndexPage


class NewsletterIndexPage(ListingIndexPage):
    template = "cms/newsletter_index_page.html"
    listing_item_model = "cms.NewsletterIssuePage"
    listing_filters = ("year",)

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsletterIssuePage"]
    max_count_per_parent = 1

    api_fields = [*LISTING_API_FIELDS]

    class Meta:
        verbose_name = "liste des Flash Info"
        verbose_name_plural = "listes des Flash Info"


class NewsletterIssuePage(BodyMixin, BasePage):
    template = "cms/newsletter_issue_page.html"

    number = models.PositiveIntegerField("numéro", help_text="Numéro du Flash Info.")
    date = models.DateField("date d'envoi", default=timezone.localdate)

    parent_page_types = ["cms.NewsletterIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("date")]),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.FilterField("number"),
        index.FilterField("date"),
    ]

    api_fields = [
        *LISTING_API_FIELDS,
        APIField("number"),
        APIField("date"),
        BODY_API_FIELD,
    ]

    class Meta:
        verbose_name = "Flash Info"
        verbose_name_plural = "Flash Info"
        # Listings, feeds and the API sort and filter by date (10,000 pages: a sort
        # of the whole table without it).
        indexes = [models.Index(fields=["date"], name="cms_newsletter_date_idx")]

    def clean(self):
        super().clean()
        if self.number is None:
            return
        clash = (
            NewsletterIssuePage.objects.filter(number=self.number, alias_of=None)
            .exclude(pk=self.pk)
            .exists()
        )
        if clash:
            raise ValidationError({"number": f"Le Flash Info n°{self.number} existe déjà."})
