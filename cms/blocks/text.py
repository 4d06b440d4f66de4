"""Text blocks: paragraph, heading, quote, table."""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock

from .choosers import APIRichTextBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript"]


class ParagraphBlock(APIRichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "cms/blocks/paragraph.html"
        label = "Paragraphe"
        description = "Texte courant avec mise en forme simple, listes et liens."
        preview_value = (
            "<p>Ressources &amp; Territoires accompagne les acteur·rice·s de la cohésion "
            "sociale en Occitanie.</p>"
        )


class HeadingValue(blocks.StructValue):
    @property
    def tag(self):
        return self.get("level") or "h2"

    @property
    def anchor(self):
        """A stable id so sections of a dossier can be linked to (table of contents)."""
        return slugify(self.get("text") or "")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Titre", max_length=200)
    level = blocks.ChoiceBlock(
        label="Niveau",
        choices=[
            ("h2", "Titre de section (h2)"),
            ("h3", "Sous-titre (h3)"),
            ("h4", "Intertitre (h4)"),
        ],
        default="h2",
        help_text="La page a déjà un titre principal (h1) : commencer par h2.",
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading.html"
        label = "Titre"
        description = "Un titre de section, de niveau 2 à 4."
        value_class = HeadingValue
        preview_value = {"text": "Les chiffres clés de l'année", "level": "h2"}
        form_classname = "struct-block heading-block"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Citation")
    attribution = blocks.CharBlock(label="Source ou auteur·rice", required=False)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote.html"
        label = "Citation"
        description = "Une citation mise en valeur, avec sa source."
        preview_value = {
            "quote": "Se former ensemble, c'est construire une culture commune.",
            "attribution": "Une formatrice du réseau VRL",
        }


class TableBlock(WagtailTableBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault(
            "table_options",
            {
                "startRows": 3,
                "startCols": 3,
                "colHeaders": False,
                "rowHeaders": False,
                "language": "fr-FR",
                "editor": "text",
                "renderer": "text",
            },
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "table"
        template = "cms/blocks/table.html"
        label = "Tableau"
        description = "Un tableau de données simple, avec légende et ligne d'en-tête."
        preview_value = {
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "Réseaux animés en 2023",
            "data": [["Réseau", "Membres"], ["VRL Occitanie", "250"], ["PEP'S", "40"]],
        }
