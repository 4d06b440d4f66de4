"""The one body StreamBlock every page type uses."""

from wagtail import blocks

from .layout import (
    AccordionBlock,
    CallToActionBlock,
    KeyFiguresBlock,
    RelatedPagesBlock,
    TestimonialBlock,
)
from .media import DocumentLinkBlock, EmbedBlock, FigureBlock
from .text import HeadingBlock, ParagraphBlock, QuoteBlock, TableBlock


class BodyStreamBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    table = TableBlock()
    image = FigureBlock()
    embed = EmbedBlock()
    document = DocumentLinkBlock()
    accordion = AccordionBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    testimonial = TestimonialBlock()
    related_pages = RelatedPagesBlock()

    class Meta:
        label = "Contenu"
