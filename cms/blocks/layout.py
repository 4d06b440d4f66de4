"""Layout blocks: accordion, call to action, key figures, testimonial, related pages."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.api.shapes import STRING, nullable, obj, ref
from cms.representations import page_representation

from .choosers import APIPageChooserBlock, APIRichTextBlock
from .text import PARAGRAPH_FEATURES


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Intitulé", max_length=200)
    content = APIRichTextBlock(label="Contenu", features=PARAGRAPH_FEATURES)


class AccordionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre de l'accordéon", required=False, max_length=200)
    items = blocks.ListBlock(AccordionItemBlock(), label="Volets", min_num=1)

    class Meta:
        icon = "list-ul"
        template = "cms/blocks/accordion.html"
        label = "Accordéon"
        description = "Des volets dépliables, pour une foire aux questions ou des détails."
        preview_value = {
            "title": "Questions fréquentes",
            "items": [
                {
                    "title": "Qui peut adhérer ?",
                    "content": "<p>Les acteur·rice·s de la cohésion sociale en Occitanie.</p>",
                },
            ],
        }


class CallToActionValue(blocks.StructValue):
    @property
    def href(self):
        page = self.get("page")
        if page is not None:
            return page.url if page.live else ""
        return self.get("url") or ""

    @property
    def is_external(self):
        return self.get("page") is None and bool(self.get("url"))


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="Libellé du bouton", max_length=80)
    page = APIPageChooserBlock(label="Page du site", required=False)
    url = blocks.URLBlock(label="Adresse externe", required=False)

    class Meta:
        icon = "link"
        template = "cms/blocks/call_to_action.html"
        label = "Appel à l'action"
        description = "Un bouton vers une page du site ou une adresse externe (l'un ou l'autre)."
        value_class = CallToActionValue
        preview_value = {"label": "Adhérer au centre de ressources", "url": "https://example.org/"}

    # ``url`` is the page's when a live, public page is chosen, else the external address.
    api_schema = obj(
        {"label": STRING, "page": nullable(ref("LinkedPage")), "url": nullable(STRING)}
    )

    def clean(self, value):
        value = super().clean(value)
        has_page = value.get("page") is not None
        has_url = bool(value.get("url"))
        if has_page == has_url:
            message = (
                "Choisir soit une page du site, soit une adresse externe."
                if has_page
                else "Indiquer une page du site ou une adresse externe."
            )
            raise StructBlockValidationError(
                block_errors={
                    "page": ErrorList([ValidationError(message)]),
                    "url": ErrorList([ValidationError(message)]),
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        page = page_representation(value.get("page"), request=request)
        return {
            "label": value.get("label"),
            "page": page,
            "url": page["url"] if page else (value.get("url") or None),
        }


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label="Chiffre", max_length=30, help_text="Ex. « 282 ».")
    label = blocks.CharBlock(label="Libellé", max_length=120, help_text="Ex. « participant·e·s »")


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=200)
    figures = blocks.ListBlock(KeyFigureBlock(), label="Chiffres", min_num=1)

    class Meta:
        icon = "order"
        template = "cms/blocks/key_figures.html"
        label = "Chiffres clés"
        description = "Quelques chiffres marquants, chacun avec son libellé."
        preview_value = {
            "title": "L'année en chiffres",
            "figures": [
                {"figure": "29", "label": "jours de rencontres"},
                {"figure": "282", "label": "participant·e·s"},
            ],
        }


class TestimonialValue(blocks.StructValue):
    @property
    def signature(self):
        """ "Name, role, organisation" without dangling commas when parts are missing."""
        parts = [self.get("name"), self.get("role"), self.get("organisation")]
        return ", ".join(part for part in parts if part)


class TestimonialBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label="Témoignage")
    name = blocks.CharBlock(label="Nom", max_length=120)
    role = blocks.CharBlock(label="Fonction", required=False, max_length=150)
    organisation = blocks.CharBlock(label="Structure", required=False, max_length=150)

    class Meta:
        icon = "user"
        template = "cms/blocks/testimonial.html"
        label = "Paroles d'acteur·rice·s"
        description = "Le témoignage d'un·e acteur·rice de terrain, avec sa fonction."
        value_class = TestimonialValue
        preview_value = {
            "quote": "Le réseau m'a permis de rencontrer des pairs et de sortir de l'isolement.",
            "name": "Camille Exemple",
            "role": "coordinatrice PRE",
            "organisation": "Ville d'Exempleville",
        }


class RelatedPagesValue(blocks.StructValue):
    @property
    def live_pages(self):
        """Only live pages are linked: an unpublished target silently drops out."""
        return [page for page in self.get("pages") or [] if page is not None and page.live]


class RelatedPagesBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titre", required=False, max_length=200, default="À lire aussi")
    pages = blocks.ListBlock(APIPageChooserBlock(label="Page"), label="Pages", min_num=1)

    class Meta:
        icon = "doc-empty-inverse"
        template = "cms/blocks/related_pages.html"
        label = "Pages liées"
        description = "Une liste de liens vers d'autres pages du site."
        value_class = RelatedPagesValue

    api_schema = obj({"title": STRING, "pages": {"type": "array", "items": ref("LinkedPage")}})

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        pages = [page_representation(page, request=request) for page in value.live_pages]
        return {"title": value.get("title") or "", "pages": pages}
