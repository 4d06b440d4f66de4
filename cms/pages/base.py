"""The abstract base page and the field mixins every page type is built from.

- ``ListingMixin``: an introduction (chapô) and an image, used at the top of the page and in
  listings, feeds and the API;
- ``TaxonomyMixin``: themes and territories, used by listing filters, search facets and the API;
- ``BodyMixin``: the StreamField body (``cms.blocks.BodyStreamBlock``);
- ``BasePage``: ``Page`` + ``ListingMixin``, with the promote panels editors expect.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyStreamBlock
from cms.preview.mixins import PortalHeadlessPreviewMixin
from cms.taxonomy.widgets import ThemeCheckboxSelectMultiple


class ListingMixin(models.Model):
    intro = models.TextField(
        "chapô",
        blank=True,
        help_text="Quelques phrases qui résument la page ; reprises dans les listes et les flux.",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Affichée en tête de page et dans les listes. Son texte alternatif vient de "
        "la description saisie dans la médiathèque.",
    )

    class Meta:
        abstract = True

    @property
    def listing_summary(self):
        """What listings show under the title: the intro, else the SEO description."""
        return self.intro or self.search_description


class TaxonomyMixin(models.Model):
    themes = ParentalManyToManyField(
        "cms.Theme",
        verbose_name="thématiques",
        blank=True,
        help_text="Les champs d'intervention et sous-thématiques concernés.",
    )
    territories = ParentalManyToManyField(
        "cms.Territory",
        verbose_name="territoires",
        blank=True,
        help_text="Les territoires concernés (région, département, EPCI, commune). Maintenir "
        "Ctrl (ou Cmd) pour en choisir plusieurs.",
    )

    class Meta:
        abstract = True

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=ThemeCheckboxSelectMultiple),
                FieldPanel("territories", widget=forms.SelectMultiple(attrs={"size": 10})),
            ],
            heading="Classement",
        )
    ]
    taxonomy_search_fields = [
        index.RelatedFields("themes", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("territories", [index.SearchField("name"), index.FilterField("slug")]),
    ]


class BodyMixin(models.Model):
    body = StreamField(BodyStreamBlock(), verbose_name="contenu", blank=True)

    class Meta:
        abstract = True


class BasePage(PortalHeadlessPreviewMixin, ListingMixin, Page):
    """Every page of the portal: title, intro, image, and the promote tab editors expect."""

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("image"),
    ]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading="Référencement",
        ),
        MultiFieldPanel([FieldPanel("show_in_menus")], heading="Menus"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    def clean(self):
        # ASCII slugs (settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False): the admin proposes one
        # from the title, but a slug typed by hand must follow the same rule.
        super().clean()
        if self.slug and not self.slug.isascii():
            raise ValidationError(
                {
                    "slug": "L'adresse de la page ne doit contenir ni accent ni caractère "
                    "spécial : « ecoles » plutôt que « écoles »."
                }
            )


class ListingIndexPage(BasePage):
    """An index page that lists its items with filters and pagination (see ``cms.listings``).

    Subclasses say what they list: ``listing_item_model`` (a ``"cms.Model"`` label),
    ``listing_filters`` (among ``theme``, ``territory``, ``year``, ``when``), and
    ``listing_scope``: ``"children"`` (the index's own children) or ``"site"`` (every live
    item of that type, e.g. press panoramas that also live under dossiers).
    """

    listing_item_model = None
    listing_filters = ("theme", "territory", "year")
    listing_scope = "children"

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from cms.listings import build_listing  # listings imports the page models

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = build_listing(self, request)
        return context
