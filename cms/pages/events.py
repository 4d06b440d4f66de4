"""Events: conferences, trainings, network meetings, webinars."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.search import index

from cms.api.fields import BODY_API_FIELD, LISTING_API_FIELDS, TAXONOMY_API_FIELDS, NetworkField
from cms.validators import web_url_validator

from .base import BasePage, BodyMixin, ListingIndexPage, TaxonomyMixin


class EventIndexPage(ListingIndexPage):
    """Upcoming events first (soonest first); past events on demand (latest first)."""

    template = "cms/event_index_page.html"
    listing_item_model = "cms.EventPage"
    listing_filters = ("when", "theme", "territory", "year")

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.EventPage"]
    max_count_per_parent = 1

    api_fields = [*LISTING_API_FIELDS]

    class Meta:
        verbose_name = "agenda"
        verbose_name_plural = "agendas"


class EventPage(TaxonomyMixin, BodyMixin, BasePage):
    template = "cms/event_page.html"

    start = models.DateTimeField("début")
    end = models.DateTimeField(
        "fin", null=True, blank=True, help_text="Laisser vide pour un évènement sans durée."
    )
    place = models.CharField(
        "lieu",
        max_length=255,
        blank=True,
        help_text="Adresse ou nom du lieu, ex. « Hôtel de Région, Toulouse ».",
    )
    is_online = models.BooleanField(
        "en ligne", default=False, help_text="Cocher pour un webinaire ou une rencontre à distance."
    )
    online_url = models.URLField(
        "lien de connexion",
        max_length=500,
        blank=True,
        validators=[web_url_validator],
        help_text="Pour un évènement en ligne ; peut être communiqué plus tard.",
    )
    registration_url = models.URLField(
        "lien d'inscription", max_length=500, blank=True, validators=[web_url_validator]
    )
    network = models.ForeignKey(
        "cms.Network",
        verbose_name="réseau",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text="Le réseau qui organise ou qui est concerné.",
    )

    parent_page_types = ["cms.EventIndexPage"]
    subpage_types = []

    content_panels = (
        BasePage.content_panels
        + [
            FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="Dates"),
            MultiFieldPanel(
                [FieldPanel("place"), FieldPanel("is_online"), FieldPanel("online_url")],
                heading="Lieu",
            ),
            FieldPanel("registration_url"),
            FieldPanel("network"),
            FieldPanel("body"),
        ]
        + TaxonomyMixin.taxonomy_panels
    )
    search_fields = (
        BasePage.search_fields
        + [
            index.SearchField("body"),
            index.SearchField("place"),
            index.FilterField("start"),
            index.FilterField("end"),
        ]
        + TaxonomyMixin.taxonomy_search_fields
    )

    api_fields = [
        *LISTING_API_FIELDS,
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("is_online"),
        APIField("online_url"),
        APIField("registration_url"),
        APIField("network", serializer=NetworkField()),
        BODY_API_FIELD,
        *TAXONOMY_API_FIELDS,
    ]

    class Meta:
        verbose_name = "évènement"
        verbose_name_plural = "évènements"
        # Listings, feeds and the API sort and filter by start (10,000 pages: a sort
        # of the whole table without it).
        indexes = [models.Index(fields=["start"], name="cms_event_start_idx")]

    @property
    def effective_end(self):
        return self.end or self.start

    @property
    def is_past(self):
        return self.effective_end < timezone.now()

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = "La fin de l'évènement ne peut pas précéder son début."
        if not self.place and not self.is_online:
            errors["place"] = "Indiquer un lieu, ou cocher « en ligne »."
        if self.online_url and not self.is_online:
            errors["online_url"] = "Un lien de connexion suppose un évènement « en ligne »."
        if errors:
            raise ValidationError(errors)
