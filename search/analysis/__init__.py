"""French text analysis shared by indexing, querying and highlighting (pure Python).

The pipeline (see docs/search.md):

1. ``rewrite``: surface rewrites that keep the text readable: typographic apostrophes,
   canonical abbreviations (``PEP'S`` → ``PEPS``) and inclusive writing expanded into its
   forms (``acteur·rice·s`` → ``acteurs actrices``). Elasticsearch receives this text and
   does the rest itself with its own French analyzer.
2. ``terms``: word-level analysis for the database backends, which have no French analysis of
   their own that we control (SQLite FTS5 has none at all): elision, stop words, lower case,
   accent folding, then Snowball French stemming. Folding happens *before* stemming so that
   ``laicite`` and ``laïcité`` always give the same term.

The same functions analyse documents and queries, which is what makes them meet.
"""

from .inclusive import expand_inclusive, inclusive_forms
from .pipeline import analyse, fold, index_text, rewrite, word_terms
from .synonyms import ABBREVIATIONS, expansions_for

__all__ = [
    "ABBREVIATIONS",
    "analyse",
    "expand_inclusive",
    "expansions_for",
    "fold",
    "inclusive_forms",
    "index_text",
    "rewrite",
    "word_terms",
]
