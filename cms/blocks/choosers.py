"""Chooser and rich-text blocks that serialise resolved data for the headless API.

Struct and list blocks delegate to their children, so using these everywhere is enough for a
whole body to come out resolved.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import expand_db_html

from cms.representations import (
    document_representation,
    image_representation,
    page_representation,
)


def _request(context):
    return (context or {}).get("request")


class APIRichTextBlock(blocks.RichTextBlock):
    """Rich text whose API value is front-ready HTML: internal links and embeds expanded."""

    def get_api_representation(self, value, context=None):
        return expand_db_html(value.source) if value else ""


class APIImageChooserBlock(ImageChooserBlock):
    def get_api_representation(self, value, context=None):
        return image_representation(value)


class APIDocumentChooserBlock(DocumentChooserBlock):
    def get_api_representation(self, value, context=None):
        return document_representation(value)


class APIPageChooserBlock(blocks.PageChooserBlock):
    def get_api_representation(self, value, context=None):
        return page_representation(value, request=_request(context))
