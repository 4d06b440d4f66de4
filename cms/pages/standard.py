"""Standard pages: about, governance, team, why join, contact."""

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from cms.api.fields import BODY_API_FIELD, LISTING_API_FIELDS

from .base import BasePage, BodyMixin


class StandardPage(BodyMixin, BasePage):
    template = "cms/standard_page.html"

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    api_fields = [*LISTING_API_FIELDS, BODY_API_FIELD]

    class Meta:
        verbose_name = "page simple"
        verbose_name_plural = "pages simples"
