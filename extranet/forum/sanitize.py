"""Sanitising what members write (posts, meeting agendas) on the way in.

Rules that must hold for every input:

- only the tags of ``ALLOWED_TAGS`` survive, with only the attributes of ``ALLOWED_ATTRIBUTES``;
- links keep an ``href`` only when its scheme is http, https or mailto (or when it is relative),
  and always get ``rel="nofollow noopener"``;
- the *contents* of elements that are never text for a reader (script, style, iframe, svg…) are
  dropped with the element, not escaped into visible text;
- text that is not inside a block element is grouped into paragraphs: a blank line starts a new
  paragraph, a single line break becomes ``<br>`` (so plain text typed in a textarea reads well);
- cleaning is idempotent: ``clean_html(clean_html(x)) == clean_html(x)``, so stored bodies can be
  re-cleaned (after an allow-list change, on edit) without drifting.

Built from bleach's parser, sanitiser filter and serializer rather than ``bleach.clean`` because
bleach's tokenizer turns disallowed tags into text *before* the tree is built: an element whose
content must vanish with it has to reach the tree first, then be dropped as a whole.
"""

import re
from html import unescape

from bleach import html5lib_shim
from bleach.sanitizer import BleachSanitizerFilter
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

# Headings outside the allowed levels (pasted from a word processor) keep being headings.
RENAMED_HEADINGS = {"h1": "h3", "h2": "h3", "h5": "h4", "h6": "h4"}

# Block elements: text outside all of them is wrapped into paragraphs.
BLOCK_TAGS = frozenset({"p", "ul", "ol", "li", "blockquote", "pre", "h3", "h4"})

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f]*\n\s*")


class _DropContentFilter(html5lib_shim.Filter):
    """Removes the elements of ``DROPPED_WITH_CONTENT`` with their whole subtree.

    The tree walker yields balanced start/end tokens, so a depth counter is enough. Also maps
    the headings of ``RENAMED_HEADINGS`` to allowed levels.
    """

    def __iter__(self):
        depth = 0
        for token in super().__iter__():
            kind = token["type"]
            is_dropped_tag = (
                kind in ("StartTag", "EndTag", "EmptyTag")
                and token["name"].lower() in DROPPED_WITH_CONTENT
            )
            if depth:
                if kind == "StartTag" and is_dropped_tag:
                    depth += 1
                elif kind == "EndTag" and is_dropped_tag:
                    depth -= 1
                continue
            if is_dropped_tag:
                if kind == "StartTag":
                    depth = 1
                continue
            if kind in ("StartTag", "EndTag") and token["name"] in RENAMED_HEADINGS:
                token = {**token, "name": RENAMED_HEADINGS[token["name"]]}
            yield token


class _LinkRelFilter(html5lib_shim.Filter):
    """Gives every link ``rel="nofollow noopener"`` (any rel from the input was stripped)."""

    def __iter__(self):
        for token in super().__iter__():
            if token["type"] == "StartTag" and token["name"] == "a":
                attrs = dict(token.get("data") or {})
                attrs[(None, "rel")] = LINK_REL
                token["data"] = attrs
            yield token


def _tag(kind, name):
    token = {"type": kind, "name": name, "namespace": None}
    if kind != "EndTag":
        token["data"] = {}
    return token


class _ParagraphFilter(html5lib_shim.Filter):
    """Wraps top-level inline content into ``<p>``; blank lines split paragraphs.

    Runs after sanitising, so the stream holds only allowed, balanced tags. Inside a block
    element nothing changes, which is why a second pass over cleaned output is a no-op.
    Whitespace and line breaks at the edge of a paragraph are held back (``pending``) and
    dropped if no content follows them, so no paragraph starts or ends with ``<br>``.
    """

    def __iter__(self):
        self.block_depth = 0
        self.inline_depth = 0
        self.paragraph_open = False
        self.pending = []
        previous = None
        for token in super().__iter__():
            yield from self._handle(token, previous)
            previous = token
        if self.paragraph_open:
            yield _tag("EndTag", "p")

    def _handle(self, token, previous):
        kind = token["type"]
        name = token.get("name")

        if self.block_depth:
            if kind == "StartTag" and name in BLOCK_TAGS:
                self.block_depth += 1
            elif kind == "EndTag" and name in BLOCK_TAGS:
                self.block_depth -= 1
            elif (
                kind in ("Characters", "SpaceCharacters")
                and previous is not None
                and previous["type"] == "StartTag"
                and previous["name"] == "pre"
                and token["data"].startswith("\n")
            ):
                # Parsers drop one newline right after <pre>: serialise an extra one so a
                # second pass keeps the text (the HTML serialisation algorithm does the same).
                token = {**token, "data": "\n" + token["data"]}
            yield token
            return

        if kind == "StartTag" and name in BLOCK_TAGS:
            self.pending = []
            if self.paragraph_open:
                yield _tag("EndTag", "p")
                self.paragraph_open = False
            self.block_depth = 1
            yield token
        elif kind in ("StartTag", "EmptyTag", "Entity"):
            yield from self._content(token)
            if kind == "StartTag":
                self.inline_depth += 1
        elif kind == "EndTag":
            self.inline_depth = max(self.inline_depth - 1, 0)
            yield token
        elif kind in ("Characters", "SpaceCharacters"):
            yield from self._text(token["data"])
        else:
            yield token

    def _content(self, token):
        if self.paragraph_open:
            yield from self.pending
        else:
            yield _tag("StartTag", "p")
            self.paragraph_open = True
        self.pending = []
        yield token

    def _text(self, data):
        if self.inline_depth:
            # Inside <strong>/<em>/<a>/<code> a paragraph cannot end without breaking the
            # nesting: every line break becomes <br>.
            for index, line in enumerate(data.split("\n")):
                if index:
                    yield _tag("EmptyTag", "br")
                if line:
                    yield {"type": "Characters", "data": line}
            return
        for index, segment in enumerate(_PARAGRAPH_BREAK.split(data)):
            if index:
                self.pending = []
                if self.paragraph_open:
                    yield _tag("EndTag", "p")
                    self.paragraph_open = False
            for line_index, line in enumerate(segment.split("\n")):
                if line_index:
                    self.pending.append(_tag("EmptyTag", "br"))
                if line.strip():
                    if not self.paragraph_open:
                        line = line.lstrip()
                    yield from self._content({"type": "Characters", "data": line})
                elif line:
                    self.pending.append({"type": "Characters", "data": line})


def _build_pipeline():
    # The parser must know the dropped elements (so they reach the tree with their content
    # parsed as a browser would, e.g. script as raw text); the sanitiser still only allows
    # ALLOWED_TAGS.
    parser = html5lib_shim.BleachHTMLParser(
        tags=ALLOWED_TAGS | DROPPED_WITH_CONTENT | set(RENAMED_HEADINGS),
        strip=True,
        consume_entities=False,
        namespaceHTMLElements=False,
    )
    walker = html5lib_shim.getTreeWalker("etree")
    serializer = html5lib_shim.BleachHTMLSerializer(
        quote_attr_values="always",
        omit_optional_tags=False,
        escape_lt_in_attrs=True,
        resolve_entities=False,
        sanitize=False,
        alphabetical_attributes=False,
    )
    return parser, walker, serializer


def clean_html(text):
    """Returns ``text`` (HTML of the allowed subset, or plain text) as safe HTML.

    Not thread-safe objects (html5lib's parser keeps state) are built per call: cheap next to
    the parse itself, and posts are cleaned once, on write.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    parser, walker, serializer = _build_pipeline()
    dom = parser.parseFragment(text)
    stream = BleachSanitizerFilter(
        source=_DropContentFilter(walker(dom)),
        allowed_tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_protocols=ALLOWED_PROTOCOLS,
        strip_disallowed_tags=True,
        strip_html_comments=True,
    )
    stream = _ParagraphFilter(_LinkRelFilter(stream))
    return serializer.render(stream)


def html_to_text(html):
    """Plain text of cleaned HTML, for e-mails, excerpts and search."""
    text = html.replace("<br>", "\n")
    text = re.sub(r"</(p|li|h3|h4|pre|blockquote)>", "\n\n", text)
    return unescape(strip_tags(text)).strip()
