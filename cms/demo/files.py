"""Demo files drawn on the fly with Pillow: placeholder images (shapes only) and small
one-page PDFs.

Nothing is downloaded: the demo must build offline on a fresh machine. Text is drawn with a
system TrueType font when one is installed (DejaVu or Liberation, common on Linux); otherwise
with Pillow's built-in font, which has no accented letters, so the text is folded to ASCII.
"""

import hashlib
import io
import random
import textwrap
import unicodedata
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
    "/Library/Fonts/Arial Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
)
_ASCII_FALLBACKS = str.maketrans(
    {
        "·": ".",
        "«": '"',
        "»": '"',
        "’": "'",
        "…": "...",
        "–": "-",
        "—": "-",
        "œ": "oe",
        "Œ": "OE",
        "\u00a0": " ",
    }
)


@cache
def _system_font_path() -> str | None:
    return next((path for path in _FONT_CANDIDATES if Path(path).is_file()), None)


def _font(size: int):
    path = _system_font_path()
    if path:
        return ImageFont.truetype(path, size)
    return ImageFont.load_default(size=size)


def _drawable(text: str) -> str:
    """The text as the available font can draw it."""
    if _system_font_path():
        return text
    folded = unicodedata.normalize("NFKD", text.translate(_ASCII_FALLBACKS))
    return "".join(ch for ch in folded if not unicodedata.combining(ch))


def _hex_to_rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


PLACEHOLDER_SIZE = (1200, 630)  # the usual social-card ratio


def placeholder_png(seed: str, colour: str) -> bytes:
    """A coloured card of PLACEHOLDER_SIZE: a network of linked nodes over a lighter band,
    laid out from ``seed`` (the same seed draws the same picture).

    No text is drawn: a picture that repeats the page's title next to that title says nothing
    more, is unreadable when cropped for a card, and cannot be translated or read by a screen
    reader. These illustrations are decorative (empty alt text).
    """
    width, height = PLACEHOLDER_SIZE
    base = _hex_to_rgb(colour)
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    image = Image.new("RGB", (width, height), base)
    draw = ImageDraw.Draw(image, "RGBA")
    lighter = tuple(min(255, c + 40) for c in base)
    left = rng.randint(380, 620)
    draw.polygon([(left + 280, 0), (width, 0), (width, height), (left, height)], fill=lighter)
    nodes = [
        (rng.randint(80, width - 80), rng.randint(80, height - 80), rng.randint(14, 46))
        for _ in range(rng.randint(6, 9))
    ]
    for index, (x, y, _) in enumerate(nodes):
        for other_x, other_y, _ in nodes[index + 1 : index + 3]:
            draw.line([(x, y), (other_x, other_y)], fill=(255, 255, 255, 150), width=5)
    for index, (x, y, radius) in enumerate(nodes):
        fill = (255, 92, 147, 255) if index == 0 else (255, 255, 255, 230)
        draw.ellipse([(x - radius, y - radius), (x + radius, y + radius)], fill=fill)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()


def one_page_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page A4 PDF (100 dpi, greyscale) with a title and wrapped paragraphs."""
    width, height = 827, 1169
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    draw.rectangle([(0, 0), (width, 24)], fill=60)
    y = 80
    for line in textwrap.wrap(_drawable(title), width=38):
        draw.text((70, y), line, font=_font(30), fill=0)
        y += 42
    y += 30
    body_font = _font(18)
    for paragraph in lines:
        for line in textwrap.wrap(_drawable(paragraph), width=72) or [""]:
            if y > height - 80:
                break
            draw.text((70, y), line, font=body_font, fill=30)
            y += 27
        y += 16
    draw.text(
        (70, height - 60),
        _drawable("Ressources & Territoires – document de démonstration"),
        font=_font(14),
        fill=110,
    )
    buffer = io.BytesIO()
    page.save(buffer, format="PDF", resolution=100.0, title=title)
    return buffer.getvalue()
