"""Snippets with the matched words marked, computed in Python from the stored text.

Engine-independent on purpose: the database backends have no highlighter we can trust with
our analysis, and computing it here means every backend marks the same words: a word is
marked when one of its terms (same analysis as indexing: ``Laïcité`` for ``laicite``,
``acteur·rice·s`` for ``actrices``) is among the query's terms. Everything else is escaped.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis.pipeline import TOKEN_RE, Token, _word_terms, tokens


def _matches(terms, word):
    """Whether one of the word's terms is a query term (the cached tuple, no list copy: a
    snippet tests every word up to the first match)."""
    return not terms.isdisjoint(_word_terms(word))


# Long texts: only the beginning is scanned; beyond it nobody reads a snippet anyway.
SCAN_LIMIT = 20_000
ELLIPSIS = "…"


def _marked_tokens(text, terms):
    if not terms:
        return []
    return [token for token in tokens(text) if _matches(terms, token.text)]


def _first_marked_start(text, terms):
    """Where the first matched word starts (``None`` if none): the scan stops there."""
    if terms:
        for match in TOKEN_RE.finditer(text):
            if _matches(terms, match.group(0)):
                return match.start()
    return None


def _marked_between(text, terms, start, end):
    """The matched words within ``[start, end)``: only the snippet's window is analysed."""
    marked = []
    if terms:
        for match in TOKEN_RE.finditer(text, start):
            if match.start() >= end:
                break
            if _matches(terms, match.group(0)):
                marked.append(Token(match.group(0), match.start(), match.end()))
    return marked


def _render(text, start, end, marked):
    out, position = [], start
    for token in marked:
        if token.start < start or token.end > end:
            continue
        out.append(escape(text[position : token.start]))
        out.append(f"<mark>{escape(token.text)}</mark>")
        position = token.end
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight(text, terms):
    """The whole (short) text, escaped, with matched words in ``<mark>``."""
    text = text or ""
    return mark_safe(_render(text, 0, len(text), _marked_tokens(text, set(terms))))


def _snap_start(text, position):
    """Move a cut back to the start of a word."""
    space = text.rfind(" ", 0, position)
    return 0 if space == -1 else space + 1


def _snap_end(text, position):
    space = text.find(" ", position)
    return len(text) if space == -1 else space


def snippet(text, terms, length=240):
    """About ``length`` characters of ``text`` around the first matched word, escaped, with
    matched words in ``<mark>``; the beginning of the text when nothing matches."""
    text = " ".join((text or "")[:SCAN_LIMIT].split())
    terms = set(terms)
    if len(text) <= length:
        return mark_safe(_render(text, 0, len(text), _marked_tokens(text, terms)))
    start = 0
    first = _first_marked_start(text, terms)
    if first is not None:
        start = _snap_start(text, max(0, first - length // 4))
    end = _snap_end(text, min(len(text), start + length))
    if end - start > length + 40:  # one very long "word": cut it
        end = start + length
    # Only the window is analysed (a long text used to be tokenised whole for each result).
    html = _render(text, start, end, _marked_between(text, terms, start, end))
    prefix = ELLIPSIS + " " if start > 0 else ""
    suffix = " " + ELLIPSIS if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")
