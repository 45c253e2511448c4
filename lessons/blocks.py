"""StreamField blocks of a lesson. Block lists are named so the charts app can add
its chart block to LESSON_BODY_BLOCKS in one line."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class KeyMessageBlock(blocks.TextBlock):
    class Meta:
        icon = "pick"
        label = _("Key message")
        template = "lessons/blocks/key_message.html"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        label = _("Heading")
        template = "lessons/blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quotation")
        template = "lessons/blocks/quote.html"


KEY_MESSAGE_BLOCKS = [("message", KeyMessageBlock())]

LESSON_BODY_BLOCKS = [
    ("heading", HeadingBlock()),
    ("paragraph", ParagraphBlock()),
    ("quote", QuoteBlock()),
]
