"""Curated resources of a dossier: external links, documents and pages of the site."""

from wagtail import blocks

from .choosers import APIDocumentChooserBlock, APIPageChooserBlock


class ExternalResourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", max_length=255)
    url = blocks.URLBlock(label="Adresse")
    source = blocks.CharBlock(
        label="Source", required=False, max_length=150, help_text="Ex. « ANCT », « INSEE »."
    )
    description = blocks.TextBlock(label="Description", required=False)

    class Meta:
        icon = "link-external"
        template = "cms/blocks/resource_link.html"
        label = "Lien externe"
        description = "Une ressource publiée ailleurs (rapport, étude, site)."


class DocumentResourceBlock(blocks.StructBlock):
    document = APIDocumentChooserBlock(label="Document")
    description = blocks.TextBlock(label="Description", required=False)

    class Meta:
        icon = "doc-full"
        template = "cms/blocks/resource_document.html"
        label = "Document"
        description = "Un document de la médiathèque à télécharger."


class PageResourceBlock(blocks.StructBlock):
    page = APIPageChooserBlock(label="Page")
    description = blocks.TextBlock(label="Description", required=False)

    class Meta:
        icon = "doc-empty"
        template = "cms/blocks/resource_page.html"
        label = "Page du site"
        description = "Une page du portail (publication, actualité, évènement…)."


class ResourcesStreamBlock(blocks.StreamBlock):
    link = ExternalResourceBlock()
    document = DocumentResourceBlock()
    page = PageResourceBlock()

    class Meta:
        label = "Ressources"
