"""The home page: the root of the site."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.models import Orderable

from cms.api.fields import BODY_API_FIELD, LISTING_API_FIELDS, FeaturedDossiersField
from cms.home_cache import serve_cached

from .base import BasePage, BodyMixin


class HomePage(BodyMixin, BasePage):
    template = "cms/home_page.html"

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.NewsIndexPage",
        "cms.BlogIndexPage",
        "cms.DossierIndexPage",
        "cms.PressPanoramaIndexPage",
        "cms.PublicationIndexPage",
        "cms.EventIndexPage",
        "cms.NewsletterIndexPage",
        "cms.StandardPage",
    ]

    content_panels = BasePage.content_panels + [
        MultipleChooserPanel(
            "featured_dossiers",
            chooser_field_name="dossier",
            label="Dossier à la une",
            heading="Dossiers à la une",
            help_text="Les dossiers mis en avant sur l'accueil, dans cet ordre. Sans choix, "
            "les trois derniers dossiers publiés sont affichés.",
        ),
        FieldPanel("body"),
    ]

    api_fields = [
        *LISTING_API_FIELDS,
        APIField("featured_dossiers", serializer=FeaturedDossiersField()),
        BODY_API_FIELD,
    ]

    class Meta:
        verbose_name = "page d'accueil"
        verbose_name_plural = "pages d'accueil"

    def serve(self, request, *args, **kwargs):
        return serve_cached(request, lambda: super(HomePage, self).serve(request, *args, **kwargs))

    def get_context(self, request, *args, **kwargs):
        from cms.listings import home_sections  # listings imports the page models

        context = super().get_context(request, *args, **kwargs)
        context.update(home_sections(self, request))
        return context


class HomeFeaturedDossier(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_dossiers")
    dossier = models.ForeignKey(
        "cms.DossierPage", verbose_name="dossier", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("dossier")]

    class Meta(Orderable.Meta):
        verbose_name = "dossier à la une"
        verbose_name_plural = "dossiers à la une"
