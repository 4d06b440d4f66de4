"""The footer's links, chosen by editors per site (Paramètres › Pied de page).

The legal pages are ordinary standard pages, written in the admin and created by
``seed_demo``; this setting only says which page plays which part, so that renaming or moving
one never breaks the footer. The accessibility status is shown in the footer because the
RGAA asks every public body to state it on every page (« Accessibilité : … conforme »).
"""

from django.db import models
from django.db.models.signals import post_delete, post_save
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from cms.generation import invalidate


class AccessibilityStatus(models.TextChoices):
    NONE = "non", "non conforme"
    PARTIAL = "partiel", "partiellement conforme"
    FULL = "total", "totalement conforme"


def _page_link(verbose_name, help_text):
    return models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


@register_setting(icon="list-ul")
class FooterSettings(BaseSiteSetting):
    legal_notice_page = _page_link("mentions légales", "La page « Mentions légales ».")
    accessibility_page = _page_link(
        "déclaration d'accessibilité", "La page « Accessibilité » (déclaration RGAA)."
    )
    accessibility_status = models.CharField(
        "état de conformité au RGAA",
        max_length=10,
        choices=AccessibilityStatus.choices,
        default=AccessibilityStatus.PARTIAL,
        help_text="Affiché dans le pied de page de chaque page, comme le demande le RGAA.",
    )
    privacy_page = _page_link("données personnelles", "La page « Données personnelles ».")
    contact_page = _page_link("contact", "La page « Contact ».")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("legal_notice_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("accessibility_status"),
                FieldPanel("privacy_page"),
                FieldPanel("contact_page"),
            ],
            heading="Liens du pied de page",
        )
    ]

    class Meta:
        verbose_name = "pied de page"
        verbose_name_plural = "pieds de page"


# The footer is cached under the content generation (cms.navigation.menus): a change of these
# settings starts a new one, like a publication does.
post_save.connect(invalidate, sender=FooterSettings, dispatch_uid="footer-settings-saved")
post_delete.connect(invalidate, sender=FooterSettings, dispatch_uid="footer-settings-deleted")
