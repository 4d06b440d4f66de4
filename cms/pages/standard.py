"""Standard pages: about, governance, team, why join, contact."""

from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .base import BasePage, BodyMixin


class StandardPage(BodyMixin, BasePage):
    template = "cms/standard_page.html"

    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage"]

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = "page simple"
        verbose_name_plural = "pages simples"
