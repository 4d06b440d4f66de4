"""Media blocks: image with caption and credit, embed, document link."""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock as WagtailEmbedBlock

from cms.api.shapes import STRING, nullable, obj, ref
from cms.representations import document_representation, image_representation

from .choosers import APIDocumentChooserBlock, APIImageChooserBlock


class FigureValue(blocks.StructValue):
    @property
    def alt(self):
        """The editor's override wins; otherwise the image's own description or title."""
        image = self.get("image")
        override = (self.get("alt_text") or "").strip()
        if override:
            return override
        return image.default_alt_text if image else ""


class FigureBlock(blocks.StructBlock):
    image = APIImageChooserBlock(label="Image")
    alt_text = blocks.CharBlock(
        label="Texte alternatif",
        required=False,
        max_length=250,
        help_text="Décrit l'image pour qui ne la voit pas. Laisser vide pour reprendre la "
        "description de l'image dans la médiathèque.",
    )
    caption = blocks.CharBlock(label="Légende", required=False, max_length=300)
    credit = blocks.CharBlock(
        label="Crédit", required=False, max_length=150, help_text="Ex. « © R&T / Jeanne Photo »."
    )

    class Meta:
        icon = "image"
        template = "cms/blocks/figure.html"
        label = "Image"
        description = "Une image de la médiathèque, avec légende, crédit et texte alternatif."
        value_class = FigureValue

    api_schema = obj(
        {"image": nullable(ref("ApiImage")), "alt": STRING, "caption": STRING, "credit": STRING}
    )

    def get_api_representation(self, value, context=None):
        return {
            "image": image_representation(value.get("image"), alt=value.alt),
            "alt": value.alt,
            "caption": value.get("caption") or "",
            "credit": value.get("credit") or "",
        }


class EmbedBlock(blocks.StructBlock):
    url = WagtailEmbedBlock(
        label="Adresse du contenu", help_text="Lien d'une vidéo ou d'un contenu à intégrer."
    )
    title = blocks.CharBlock(
        label="Titre accessible",
        required=False,
        max_length=200,
        help_text="Décrit le contenu intégré pour les lecteurs d'écran.",
    )
    caption = blocks.CharBlock(label="Légende", required=False, max_length=300)

    class Meta:
        icon = "media"
        template = "cms/blocks/embed.html"
        label = "Vidéo ou contenu intégré"
        description = "Une vidéo ou un contenu externe (YouTube, Vimeo, Dailymotion…)."

    api_schema = obj({"url": STRING, "title": STRING, "caption": STRING})

    def get_api_representation(self, value, context=None):
        embed = value.get("url")
        return {
            "url": embed.url if embed else "",
            "title": value.get("title") or "",
            "caption": value.get("caption") or "",
        }


class DocumentLinkValue(blocks.StructValue):
    @property
    def document(self):
        return self.get("document")

    @property
    def link_label(self):
        return self.get("label") or (self.document.title if self.document else "")

    @property
    def extension(self):
        return self.document.file_extension.upper() if self.document else ""

    @property
    def size(self):
        """File size in bytes, or ``None`` when the file is missing from storage."""
        document = self.document
        if document is None:
            return None
        return document.get_file_size()


class DocumentLinkBlock(blocks.StructBlock):
    document = APIDocumentChooserBlock(label="Document")
    label = blocks.CharBlock(
        label="Intitulé du lien",
        required=False,
        max_length=200,
        help_text="Laisser vide pour reprendre le titre du document.",
    )

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/document_link.html"
        label = "Document à télécharger"
        description = "Un lien de téléchargement vers un document (PDF, tableur…)."
        value_class = DocumentLinkValue

    # ``document`` is null when the document is private or gone; ``label`` stays.
    api_schema = obj({"document": nullable(ref("ApiDocument")), "label": STRING})

    def get_api_representation(self, value, context=None):
        return {
            "document": document_representation(value.document),
            "label": value.link_label,
        }
