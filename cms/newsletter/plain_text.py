"""The plain-text part of the Flash Info e-mails, from their HTML part.

Mail clients that show text only (and spam filters, which distrust HTML-only mail) read this.
Paragraphs and list items keep their line breaks, links keep their address after the text,
and nothing of the markup (styles, tags, entities) remains.
"""

import re
from html.parser import HTMLParser

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "table", "tr", "ul", "ol", "blockquote", "hr"}
_SKIPPED = {"style", "script", "head", "title"}


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.link: str | None = None
        self.link_text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "a":
            self.link = dict(attrs).get("href")
            self.link_text = []

    def handle_endtag(self, tag):
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag == "a" and self.link is not None:
            text = "".join(self.link_text).strip()
            if self.link.startswith(("http://", "https://", "mailto:")) and self.link != text:
                self.parts.append(f" ({self.link.removeprefix('mailto:')})")
            self.link = None

    def handle_data(self, data):
        if self.skipping:
            return
        data = re.sub(r"\s+", " ", data)
        self.parts.append(data)
        if self.link is not None:
            self.link_text.append(data)


def html_to_text(html: str) -> str:
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
