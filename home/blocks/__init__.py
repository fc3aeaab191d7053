"""Content blocks shared by every page family (home, content, contract, axis, action)."""

from wagtail import blocks

from contacts.blocks import ContactCardBlock

from .basic import (
    ButtonLinkBlock,
    DocumentLinkBlock,
    FigureBlock,
    HeadingBlock,
    KeyFigureBlock,
    KeyFiguresBlock,
    LinkBlock,
    ParagraphBlock,
    QuoteBlock,
)
from .layout import AccordionBlock, CalloutBlock, CardsGridBlock, ImageTextBlock
from .table import TableBlock
from .video import VideoBlock

__all__ = ["BodyStreamBlock", "KeyFigureBlock", "LinkBlock"]


class BodyStreamBlock(blocks.StreamBlock):
    """The body of every editorial page: one family of blocks for the whole site."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    contact = ContactCardBlock()
    link = LinkBlock()
    button = ButtonLinkBlock()
    callout = CalloutBlock()
    accordion = AccordionBlock()
    cards = CardsGridBlock()
    image_text = ImageTextBlock()
    key_figures = KeyFiguresBlock()
    table = TableBlock()
    video = VideoBlock()
