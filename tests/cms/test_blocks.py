"""Body blocks: validation rules and the resolved data the headless API receives."""

import pytest
from django.template.loader import get_template
from wagtail.blocks import StreamValue
from wagtail.blocks.struct_block import StructBlockValidationError

from cms.blocks import BodyStreamBlock
from cms.blocks.layout import CallToActionBlock
from cms.representations import RENDITION_SPECS
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _api(block_type, value):
    """The API representation of one body block holding ``value``."""
    block = BodyStreamBlock()
    stream = StreamValue(block, [(block_type, value)])
    return block.get_api_representation(stream)[0]["value"]


# --- call to action: exactly one target -----------------------------------------------------


def test_call_to_action_with_neither_page_nor_url_is_refused():
    block = CallToActionBlock()

    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"label": "Adhérer", "page": None, "url": ""}))


def test_call_to_action_with_both_page_and_url_is_refused(tree):
    block = CallToActionBlock()
    value = block.to_python({"label": "Adhérer", "page": tree.home.pk, "url": "https://x.org/"})

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)

    assert "soit une page du site, soit une adresse externe" in str(error.value.block_errors["url"])


@pytest.mark.parametrize("target", ["page", "url"])
def test_call_to_action_with_one_target_is_valid(tree, target):
    block = CallToActionBlock()
    raw = {"label": "Adhérer", "page": None, "url": ""}
    raw[target] = tree.home.pk if target == "page" else "https://example.org/"

    block.clean(block.to_python(raw))


# --- API representations --------------------------------------------------------------------


def test_image_block_gives_renditions_and_alt_override():
    image = factories.make_image(description="Description de la médiathèque")

    value = _api(
        "image", {"image": image, "alt_text": "Texte saisi", "caption": "", "credit": "R&T"}
    )

    assert value["alt"] == "Texte saisi"
    assert value["credit"] == "R&T"
    assert value["image"]["id"] == image.pk
    assert (value["image"]["width"], value["image"]["height"]) == (1600, 900)
    assert set(value["image"]["renditions"]) == set(RENDITION_SPECS)
    card = value["image"]["renditions"]["card"]
    assert (card["width"], card["height"]) == (800, 450)
    assert "fill-800x450" in card["url"]


def test_image_block_alt_falls_back_to_the_image_description():
    image = factories.make_image(description="Un atelier de formation")

    value = _api("image", {"image": image, "alt_text": "", "caption": "", "credit": ""})

    assert value["alt"] == "Un atelier de formation"


def test_document_block_links_to_the_serve_view_not_the_media_file():
    document = factories.make_document("Actes du Conf'At", filename="actes.pdf")

    value = _api("document", {"document": document, "label": ""})

    assert value["document"]["url"] == f"/documents/{document.pk}/actes.pdf"
    assert "/media/" not in value["document"]["url"]
    assert value["label"] == "Actes du Conf'At"


def test_page_links_resolve_to_live_pages_only(tree):
    live = factories.make_news(tree.news_index, title="Publiée")
    draft = factories.make_news(tree.news_index, title="Brouillon", publish=False)

    value = _api("related_pages", {"title": "À lire", "pages": [live, draft]})

    assert value["pages"] == [
        {"id": live.pk, "title": "Publiée", "type": "cms.NewsPage", "url": live.url}
    ]


def test_call_to_action_to_a_draft_page_has_no_url(tree):
    draft = factories.make_news(tree.news_index, publish=False)

    value = _api("call_to_action", {"label": "Lire", "page": draft, "url": ""})

    assert value == {"label": "Lire", "page": None, "url": None}


def test_rich_text_internal_links_are_expanded(tree):
    news = factories.make_news(tree.news_index)

    value = _api("paragraph", f'<p><a linktype="page" id="{news.pk}">lire</a></p>')

    assert f'href="{news.url}"' in value
    assert "linktype" not in value


def test_key_figures_keep_their_order():
    value = _api(
        "key_figures",
        {
            "title": "",
            "figures": [
                {"figure": "29", "label": "jours de rencontres"},
                {"figure": "282", "label": "participant·e·s"},
            ],
        },
    )

    assert [item["figure"] for item in value["figures"]] == ["29", "282"]


def test_every_body_block_has_icon_template_label_and_description():
    for name, block in BodyStreamBlock().child_blocks.items():
        meta = block.meta
        assert meta.icon, name
        assert meta.template.startswith("cms/blocks/"), name
        get_template(meta.template)  # raises TemplateDoesNotExist
        assert meta.label, name
        assert meta.description, name
