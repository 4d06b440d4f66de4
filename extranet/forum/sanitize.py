"""Sanitising what members write (posts, meeting agendas) on the way in, with nh3 (Ammonia).

Rules that must hold for every input:

- only the tags of ``ALLOWED_TAGS`` survive, with only the attributes of ``ALLOWED_ATTRIBUTES``;
- links keep an ``href`` only when its scheme is http, https or mailto (or when it is relative),
  and always get ``rel="nofollow noopener"`` (whatever ``rel`` the input had);
- the *contents* of elements that are never text for a reader (script, style, iframe, svg…) are
  dropped with the element, not escaped into visible text;
- text that is not inside a block element is grouped into paragraphs: a blank line starts a new
  paragraph, a single line break becomes ``<br>`` (so plain text typed in a textarea reads well);
- cleaning is idempotent: ``clean_html(clean_html(x)) == clean_html(x)``, so stored bodies can be
  re-cleaned (after an allow-list change, on edit) without drifting.

How: nh3 parses the input as a browser would (html5ever) and keeps only the allow-list; its
output is balanced, escaped HTML of known tags without comments. A second, small pass over that
output (``_Structure``, on the standard library's tokenizer, which cannot misread such
well-formed input) renames out-of-range headings, wraps loose inline content into paragraphs
and restores the newline that parsers drop right after ``<pre>``. That pass copies nh3's tokens
verbatim (``convert_charrefs=False``): it never decodes then re-encodes text, so it cannot
produce markup nh3 did not emit.
"""

import re
from html import unescape
from html.parser import HTMLParser

import nh3
from django.utils.html import strip_tags

ALLOWED_TAGS = frozenset(
    {
        "p",
        "br",
        "strong",
        "em",
        "a",
        "ul",
        "ol",
        "li",
        "blockquote",
        "code",
        "pre",
        "h3",
        "h4",
    }
)
ALLOWED_ATTRIBUTES = {"a": ["href", "title"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})
LINK_REL = "nofollow noopener"

# Elements removed together with everything inside them: their content is code, styling,
# embedded documents or form widgets' state, never prose meant for the reader.
DROPPED_WITH_CONTENT = frozenset(
    {
        "script",
        "style",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "noscript",
        "noembed",
        "noframes",
        "xmp",
        "plaintext",
        "title",
        "textarea",
        "select",
        "svg",
        "math",
        "head",
    }
)

# Headings outside the allowed levels (pasted from a word processor, or Markdown's # and ##)
# keep being headings.
RENAMED_HEADINGS = {"h1": "h3", "h2": "h3", "h5": "h4", "h6": "h4"}

# Block elements: text outside all of them is wrapped into paragraphs.
BLOCK_TAGS = frozenset({"p", "ul", "ol", "li", "blockquote", "pre", "h3", "h4"})

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f]*\n\s*")

# Control characters (C0 but tab, line feed and carriage return, and DEL) have no business in a
# link a member typed. Ammonia reads "javas\fcript:…" as a relative path, as the URL standard
# does, but older or lenient URL parsers may not: such a link loses its href.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What browsers skip before reading a scheme (controls, spaces, tabs and newlines anywhere).
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def _safe_attribute(tag, name, value):
    """nh3's attribute filter: a second opinion on links, after nh3's own scheme check."""
    if name != "href":
        return value
    if _CONTROL.search(value):
        return None
    scheme = _SCHEME.match(_URL_IGNORED.sub("", value).lower())
    if scheme and scheme.group(1) not in ALLOWED_PROTOCOLS:
        return None
    return value


# One Cleaner for the process: nh3's cleaner is immutable and thread-safe.
_CLEANER = nh3.Cleaner(
    tags=set(ALLOWED_TAGS | set(RENAMED_HEADINGS)),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    # "*": nothing. Without it Ammonia keeps its default generic attributes (lang, title) on
    # every tag, outside the allow-list.
    attributes={"*": set()} | {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    url_schemes=set(ALLOWED_PROTOCOLS),
    attribute_filter=_safe_attribute,
    link_rel=LINK_REL,
    strip_comments=True,
)


class _Structure(HTMLParser):
    """Second pass over nh3's output: headings, paragraphs, ``<pre>``'s leading newline.

    Inside a block element nothing changes, which is why a second pass over cleaned output is
    a no-op. Whitespace and line breaks at the edge of a paragraph are held back (``pending``)
    and dropped if no content follows them, so no paragraph starts or ends with ``<br>``.
    """

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.out = []
        self.block_depth = 0
        self.inline_depth = 0
        self.paragraph_open = False
        self.pending = []
        self.after_pre = False

    def result(self) -> str:
        self.close()
        if self.paragraph_open:
            self.out.append("</p>")
        return "".join(self.out)

    # --- tokens ---------------------------------------------------------------------------

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text()
        if tag in RENAMED_HEADINGS:
            tag = RENAMED_HEADINGS[tag]
            raw = f"<{tag}>"  # headings carry no attribute in the allow-list
        self.after_pre = tag == "pre"
        if self.block_depth:
            if tag in BLOCK_TAGS:
                self.block_depth += 1
            self.out.append(raw)
        elif tag in BLOCK_TAGS:
            self.pending = []
            self._close_paragraph()
            self.block_depth = 1
            self.out.append(raw)
        else:
            self._content(raw)
            if tag != "br":
                self.inline_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        tag = RENAMED_HEADINGS.get(tag, tag)
        self.after_pre = False
        if tag == "br":  # "</br>" never comes out of nh3; harmless if it did
            return
        if self.block_depth:
            if tag in BLOCK_TAGS:
                self.block_depth -= 1
        else:
            self.inline_depth = max(self.inline_depth - 1, 0)
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.after_pre and data.startswith("\n"):
            # Parsers drop one newline right after <pre>: write an extra one so a second pass
            # keeps the text (the HTML serialisation algorithm does the same).
            data = "\n" + data
        self.after_pre = False
        if self.block_depth:
            self.out.append(data)
        else:
            self._text(data)

    def handle_entityref(self, name):
        self._reference(f"&{name};")

    def handle_charref(self, name):
        self._reference(f"&#{name};")

    def _reference(self, raw):
        self.after_pre = False
        if self.block_depth:
            self.out.append(raw)
        else:
            self._content(raw)

    # --- paragraphs -----------------------------------------------------------------------

    def _close_paragraph(self):
        if self.paragraph_open:
            self.out.append("</p>")
            self.paragraph_open = False

    def _content(self, raw):
        if self.paragraph_open:
            self.out.extend(self.pending)
        else:
            self.out.append("<p>")
            self.paragraph_open = True
        self.pending = []
        self.out.append(raw)

    def _text(self, data):
        if self.inline_depth:
            # Inside <strong>/<em>/<a>/<code> a paragraph cannot end without breaking the
            # nesting: every line break becomes <br>.
            self._content("<br>".join(data.split("\n")))
            return
        for index, segment in enumerate(_PARAGRAPH_BREAK.split(data)):
            if index:
                self.pending = []
                self._close_paragraph()
            for line_index, line in enumerate(segment.split("\n")):
                if line_index:
                    self.pending.append("<br>")
                if line.strip():
                    if not self.paragraph_open:
                        line = line.lstrip()
                    self._content(line)
                elif line:
                    self.pending.append(line)


def clean_html(text):
    """Returns ``text`` (HTML of the allowed subset, or plain text) as safe HTML."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    structure = _Structure()
    structure.feed(_CLEANER.clean(text))
    return structure.result()


def html_to_text(html):
    """Plain text of cleaned HTML, for e-mails, excerpts and search."""
    text = re.sub(r"<br>\n?", "\n", html)
    text = re.sub(r"</(p|li|h3|h4|pre|blockquote)>", "\n\n", text)
    return unescape(strip_tags(text)).strip()
