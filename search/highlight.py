"""Snippets with the matched words marked, computed in Python from the stored text.

Engine-independent on purpose: the database backends have no highlighter we can trust with
our analysis, and computing it here means every backend marks the same words: a word is
marked when one of its terms (same analysis as indexing: ``Laïcité`` for ``laicite``,
``acteur·rice·s`` for ``actrices``) is among the query's terms. Everything else is escaped.

Cost (#16: snippets were 4–8 ms of the Python of a search): no Python code runs per word of
a text. No token spans a space, so a text is looked at as its runs of non-space characters
(``str.split``, which the whitespace normalisation does anyway): the terms of each distinct run
are cached for the process (``_run_terms``) and tested against the query's terms with ``map``
and ``isdisjoint``, in C, up to the first matched run. The regular expression then tokenises
only that run and the snippet's window (``TOKEN_RE`` costs about 35 ns a character: a whole
text would cost more than all the rest). A text without any matched word is only escaped.
"""

import html
from itertools import compress, count, islice
from operator import not_

from django.utils.safestring import SafeString

from search.analysis.pipeline import TOKEN_RE, _word_terms
from search.memo import Memo

# Long texts: only the beginning is scanned; beyond it nobody reads a snippet anyway.
SCAN_LIMIT = 20_000
ELLIPSIS = "…"

# ``django.utils.html.escape`` is this function behind a lazy-string wrapper, and
# ``mark_safe`` of a ``str`` is ``SafeString``: same output, without the wrappers' cost.
_escape = html.escape


def _terms_of_run(run):
    return tuple(term for word in TOKEN_RE.findall(run) for term in _word_terms(word))


#: Run (characters between two spaces: ``l'équipe,``, or a single word) → the terms of its
#: words, so that ``map(_run_terms, runs)`` is one C lookup per run once warm: texts repeat
#: the runs of a small vocabulary. At most 50,000 runs (about 10 MB).
TERMS_OF_RUNS = Memo(_terms_of_run, limit=50_000)
_run_terms = TERMS_OF_RUNS.__getitem__


def text_terms(text):
    """The terms of every word of ``text``: what a search for them would mark in it (used to
    tell which replies of a topic match, ``search.threads``). Cached per run, like the marks."""
    return set().union(*map(_run_terms, text.split()))


def _unmarked(runs, terms):
    """For each run (or word), ``True`` when none of its terms is a query term (an iterator,
    evaluated in C)."""
    return map(terms.isdisjoint, map(_run_terms, runs))


def _first_marked_start(runs, terms):
    """Where, in ``" ".join(runs)``, the first matched word starts (``None`` if none): runs
    are tested up to the first matched one, whose words only are tokenised."""
    index = next(compress(count(), map(not_, _unmarked(runs, terms))), None)
    if index is None:
        return None
    offset = sum(map(len, islice(runs, index))) + index  # one space after each run
    return next(
        offset + match.start()
        for match in TOKEN_RE.finditer(runs[index])
        if not terms.isdisjoint(_run_terms(match.group()))
    )


def _marked_between(runs, terms, first_run, start, end):
    """``(start, end, word)`` of each matched word of ``" ".join(runs)`` starting within
    ``[start, end)``, ``start`` being where run ``first_run`` starts: only the window's runs
    are tested, and only the matched ones tokenised (a word cut at ``end`` is found whole)."""
    marked, offset = [], start
    for run in islice(runs, first_run, None):
        if offset >= end:
            break
        if not terms.isdisjoint(_run_terms(run)):
            for match in TOKEN_RE.finditer(run):
                if offset + match.start() >= end:
                    break
                if not terms.isdisjoint(_run_terms(match.group())):
                    marked.append((offset + match.start(), offset + match.end(), match.group()))
        offset += len(run) + 1
    return marked


def _render(text, start, end, marked):
    out, position = [], start
    for token_start, token_end, word in marked:
        if token_start < start or token_end > end:
            continue
        out.append(_escape(text[position:token_start]))
        out.append(f"<mark>{_escape(word)}</mark>")
        position = token_end
    out.append(_escape(text[position:end]))
    return "".join(out)


def highlight(text, terms):
    """The whole (short) text, escaped, with matched words in ``<mark>``."""
    text = text or ""
    terms = set(terms)
    if not terms or all(_unmarked(text.split(), terms)):
        return SafeString(_escape(text))
    marked = [
        (match.start(), match.end(), match.group())
        for match in TOKEN_RE.finditer(text)
        if not terms.isdisjoint(_run_terms(match.group()))
    ]
    return SafeString(_render(text, 0, len(text), marked))


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
    runs = (text or "")[:SCAN_LIMIT].split()
    text = " ".join(runs)
    terms = set(terms)
    if len(text) <= length:
        start, end = 0, len(text)
    else:
        start = 0
        first = _first_marked_start(runs, terms) if terms else None
        if first is not None:
            start = _snap_start(text, max(0, first - length // 4))
        end = _snap_end(text, min(len(text), start + length))
        if end - start > length + 40:  # one very long "word": cut it
            end = start + length
    # The run where the window starts: as many runs before it as spaces.
    first_run = text.count(" ", 0, start)
    marked = _marked_between(runs, terms, first_run, start, end) if terms else []
    html_text = _render(text, start, end, marked)
    prefix = ELLIPSIS + " " if start > 0 else ""
    suffix = " " + ELLIPSIS if end < len(text) else ""
    return SafeString(f"{prefix}{html_text}{suffix}")
