"""Plain text of office files (OpenDocument and Office Open XML), for search.

Both formats are zip packages of XML parts. The parts that hold the text are read as a stream
through defusedxml's parser (no entity expansion, no external resources) and fed a bounded
number of bytes: a hostile package (a "zip bomb", a part of gigabytes of markup) costs at most
``MAX_PART_BYTES`` of decompression per part, and parsing stops once ``max_chars`` are kept.

Only the words people wrote are kept: paragraph text, headings, table cells, slide text and
the shared strings of a spreadsheet. Styles, fields' instructions and metadata are not.
"""

import re
import zipfile

from defusedxml.ElementTree import DefusedXMLParser

# Decompressed bytes read from one XML part at most (far above any real document's text).
MAX_PART_BYTES = 20 * 1024 * 1024
_CHUNK = 64 * 1024

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"


class _Markup:
    """What the elements of one XML vocabulary mean for text."""

    def __init__(self, text, blocks, spaces=(), breaks=()):
        self.text = frozenset(text)  # character data inside these elements is text
        self.blocks = frozenset(blocks)  # these end a paragraph (a cell, a string)
        self.spaces = frozenset(spaces)  # empty elements that stand for a space or a tab
        self.breaks = frozenset(breaks)  # empty elements that stand for a line break


WORDPROCESSING = _Markup(
    text={_W + "t"}, blocks={_W + "p"}, spaces={_W + "tab"}, breaks={_W + "br", _W + "cr"}
)
DRAWING = _Markup(text={_A + "t"}, blocks={_A + "p"}, breaks={_A + "br"})
SHARED_STRINGS = _Markup(text={_S + "t"}, blocks={_S + "si"})
# In OpenDocument, text lives in paragraphs and headings, with spans and links inside them.
OPEN_DOCUMENT = _Markup(
    text={_TEXT + "p", _TEXT + "h"},
    blocks={_TEXT + "p", _TEXT + "h"},
    spaces={_TEXT + "s", _TEXT + "tab"},
    breaks={_TEXT + "line-break"},
)


class _Collector:
    """An ElementTree parser target keeping the text of one vocabulary, up to a limit."""

    def __init__(self, markup, limit):
        self.markup = markup
        self.limit = limit
        self.parts = []
        self.length = 0
        self.depth = 0  # how many text elements we are inside

    @property
    def full(self):
        return self.length >= self.limit

    def _add(self, text):
        if not self.full:
            self.parts.append(text)
            self.length += len(text)

    def start(self, tag, attrib):
        if tag in self.markup.text:
            self.depth += 1
        # Outside text elements on purpose: in a docx, tabs and breaks are siblings of the
        # text runs (w:r > w:t, w:tab). Stray ones (tab stops in paragraph properties) only
        # add white space, which ``_tidy`` folds.
        if tag in self.markup.spaces:
            self._add(" ")
        elif tag in self.markup.breaks:
            self._add("\n")

    def end(self, tag):
        if tag in self.markup.text:
            self.depth -= 1
        if tag in self.markup.blocks:
            self._add("\n")

    def data(self, text):
        if self.depth:
            self._add(text)

    def close(self):
        return "".join(self.parts)


def _part_text(archive, name, markup, limit):
    collector = _Collector(markup, limit)
    parser = DefusedXMLParser(target=collector)
    read = 0
    with archive.open(name) as part:
        while not collector.full and read < MAX_PART_BYTES:
            chunk = part.read(min(_CHUNK, MAX_PART_BYTES - read))
            if not chunk:
                parser.close()
                break
            read += len(chunk)
            parser.feed(chunk)
    # A part cut short (limit reached) is not closed: its text so far is what we keep.
    return collector.close()


def _numbered_parts(names, pattern):
    """Parts such as ppt/slides/slide12.xml in their natural order (slide 2 before 10)."""
    numbered = ((re.fullmatch(pattern, name), name) for name in names)
    return [name for _n, name in sorted((int(m.group(1)), name) for m, name in numbered if m)]


# Extension → (the parts that hold the text, in reading order; their vocabulary).
def _parts(extension, names):
    if extension in ("odt", "ods", "odp"):
        return [("content.xml", OPEN_DOCUMENT)]
    if extension == "docx":
        return [("word/document.xml", WORDPROCESSING)]
    if extension == "pptx":
        slides = _numbered_parts(names, r"ppt/slides/slide(\d+)\.xml")
        return [(name, DRAWING) for name in slides]
    if extension == "xlsx":
        return [("xl/sharedStrings.xml", SHARED_STRINGS)]
    return []


EXTENSIONS = frozenset({"odt", "ods", "odp", "docx", "pptx", "xlsx"})


def office_text(handle, extension, max_chars):
    """The text of an office file opened as ``handle`` (binary), at most ``max_chars``.

    Raises ``zipfile.BadZipFile``, ``KeyError`` (a required part is missing) or the
    parser's errors for a damaged file; the caller decides what a damaged file gives.
    """
    texts, length = [], 0
    with zipfile.ZipFile(handle) as archive:
        names = archive.namelist()
        for name, markup in _parts(extension, names):
            if name not in names and extension == "xlsx":
                continue  # a workbook of numbers only has no shared strings
            text = _part_text(archive, name, markup, max_chars - length)
            texts.append(text)
            length += len(text)
            if length >= max_chars:
                break
    return _tidy("\n".join(texts))[:max_chars]


_BLANK_LINES = re.compile(r"\n\s*\n+")
_SPACES = re.compile(r"[ \t]+")


def _tidy(text):
    return _BLANK_LINES.sub("\n", _SPACES.sub(" ", text)).strip()
