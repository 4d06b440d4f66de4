"""Turn the demo content's neutral blocks into raw StreamField data of `cms.blocks`.

The content modules describe bodies with a few neutral block types (`cms/demo/content/blocks.py`)
so that the data stays readable and independent of the body StreamBlock's exact shape; this
module is the one place that knows both. Page references (by slug) are resolved to page ids.
"""

from collections.abc import Callable, Iterable

from cms.demo.content.blocks import Block

PageLookup = Callable[[str], int]


def body_stream(blocks: Iterable[Block], page_id: PageLookup) -> list[dict]:
    """Raw data for `BodyStreamBlock` (a list of {"type", "value"} dicts)."""
    stream: list[dict] = []
    for block_type, value in blocks:
        stream.extend(_convert(block_type, value, page_id))
    return stream


def _convert(block_type: str, value, page_id: PageLookup) -> list[dict]:
    if block_type == "rich_text":
        return [{"type": "paragraph", "value": value}]
    if block_type == "heading":
        return [
            {"type": "heading", "value": {"text": value["text"], "level": f"h{value['level']}"}}
        ]
    if block_type == "quote":
        return [
            {
                "type": "quote",
                "value": {"quote": value["text"], "attribution": value["attribution"]},
            }
        ]
    if block_type == "key_figures":
        figures = [{"figure": f["value"], "label": f["label"]} for f in value["figures"]]
        return [{"type": "key_figures", "value": {"title": value["title"], "figures": figures}}]
    if block_type == "testimonial":
        return [{"type": "testimonial", "value": dict(value)}]
    if block_type == "accordion":
        items = [{"title": item["title"], "content": item["body"]} for item in value["items"]]
        return [{"type": "accordion", "value": {"title": value["title"], "items": items}}]
    if block_type == "table":
        return [
            {
                "type": "table",
                "value": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": value["caption"],
                    "data": [list(value["header"]), *[list(row) for row in value["rows"]]],
                },
            }
        ]
    if block_type == "related_pages":
        pages = [page_id(slug) for slug in value["pages"]]
        return [{"type": "related_pages", "value": {"title": value["title"], "pages": pages}}]
    if block_type == "call_to_action":
        # The body's call to action is a button only: its title and text become a paragraph.
        text = f"<p><strong>{_escape(value['title'])}</strong><br/>{_escape(value['text'])}</p>"
        button = {
            "label": value["label"],
            "page": page_id(value["page"]) if value["page"] else None,
            "url": value["url"],
        }
        return [
            {"type": "paragraph", "value": text},
            {"type": "call_to_action", "value": button},
        ]
    raise ValueError(f"Type de bloc de démonstration inconnu : {block_type}")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def page_references(blocks: Iterable[Block]) -> set[str]:
    """Slugs of the pages a body links to (they must exist before the body is saved)."""
    slugs: set[str] = set()
    for block_type, value in blocks:
        if block_type == "related_pages":
            slugs.update(value["pages"])
        elif block_type == "call_to_action" and value["page"]:
            slugs.add(value["page"])
    return slugs
