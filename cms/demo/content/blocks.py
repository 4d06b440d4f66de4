"""Neutral StreamField blocks for the demo content: `(block_type, value)` pairs.

The content modules describe bodies with these few block types; the seeding service maps them
to the body `StreamBlock` of `cms/blocks/` (so the data does not depend on its exact names).
Rich text values are simple HTML (`<p>`, `<ul>`, `<strong>`, `<a>`), as Wagtail's rich text
accepts it.
"""

from typing import Any

Block = tuple[str, Any]

BLOCK_TYPES = frozenset(
    {
        "heading",
        "rich_text",
        "quote",
        "key_figures",
        "testimonial",
        "call_to_action",
        "accordion",
        "table",
        "related_pages",
    }
)


def heading(text: str, level: int = 2) -> Block:
    return ("heading", {"text": text, "level": level})


def rich_text(html: str) -> Block:
    return ("rich_text", html)


def quote(text: str, attribution: str = "") -> Block:
    return ("quote", {"text": text, "attribution": attribution})


def key_figures(title: str, figures: list[tuple[str, str]]) -> Block:
    """Figures as (value, label), e.g. ("29", "jours de rencontres")."""
    return (
        "key_figures",
        {"title": title, "figures": [{"value": v, "label": label} for v, label in figures]},
    )


def testimonial(text: str, name: str, role: str, organisation: str = "") -> Block:
    """A "Paroles d'acteur·rice·s" quote. Speakers are invented or anonymised (see callers)."""
    return (
        "testimonial",
        {"quote": text, "name": name, "role": role, "organisation": organisation},
    )


def call_to_action(title: str, text: str, label: str, url: str = "", page: str = "") -> Block:
    """A button to an external `url` or to a demo page given by its slug (`page`)."""
    return (
        "call_to_action",
        {"title": title, "text": text, "label": label, "url": url, "page": page},
    )


def accordion(title: str, items: list[tuple[str, str]]) -> Block:
    """Items as (question or heading, rich text HTML)."""
    return (
        "accordion",
        {"title": title, "items": [{"title": t, "body": body} for t, body in items]},
    )


def table(caption: str, header: list[str], rows: list[list[str]]) -> Block:
    return ("table", {"caption": caption, "header": header, "rows": rows})


def related_pages(title: str, slugs: list[str]) -> Block:
    return ("related_pages", {"title": title, "pages": slugs})
