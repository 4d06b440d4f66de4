"""Tokenising, folding and stemming: from French text to the terms the database indexes."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .gender import precise_term
from .inclusive import SEPARATORS, expand_inclusive, inclusive_forms
from .stemming import stem
from .stopwords import STOPWORDS
from .synonyms import canonical_abbreviations

APOSTROPHES = "'’ʼ‘`´"
_APOSTROPHE_RE = re.compile("[" + re.escape(APOSTROPHES) + "]")
_SEP_CLASS = "[" + re.escape(SEPARATORS) + "]"
_SEP_RE = re.compile(_SEP_CLASS)
# A word, possibly glued to others by separators (``acteur·rice·s``, ``Hautes-Pyrénées``,
# ``1.5``): kept whole so that inclusive writing can be recognised, split afterwards.
TOKEN_RE = re.compile(rf"[^\W_]+(?:{_SEP_CLASS}[^\W_]+)*")
# The hyphens of a compound (``socio-linguistiques``), not the other separators (``1.5``,
# ``acteur·rice·s``).
HYPHENS = "-\u2010\u2011"
_HYPHEN_RE = re.compile("[" + re.escape(HYPHENS) + "]")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "Œ": "oe", "Æ": "ae", "ß": "ss"})


def fold(text):
    """Lower case, ligatures opened, accents removed: ``Laïcité`` → ``laicite``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES).lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_STOPWORDS = frozenset(fold(word) for word in STOPWORDS)


def normalise_apostrophes(text):
    return _APOSTROPHE_RE.sub("'", text)


def rewrite(text):
    """The readable rewrite every engine receives: apostrophes, abbreviations, inclusive forms."""
    return expand_inclusive(canonical_abbreviations(normalise_apostrophes(text)))


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


def tokens(text):
    """Tokens of ``text`` with their offsets (used to highlight the original text)."""
    return [Token(m.group(0), m.start(), m.end()) for m in TOKEN_RE.finditer(text)]


def term_of(part):
    """The single term of a word (``None`` for stop words and stray letters)."""
    folded = fold(part)
    if not folded or folded in _STOPWORDS:
        return None
    if len(folded) == 1 and not folded.isdigit():
        return None  # elided articles (``l'``, ``d'``) and stray letters
    # ``conseillère`` and ``conseillers`` → ``conseiller``, not Snowball's ``conseil``: gendered
    # words whose stems meet a common word's have one precise term (see ``gender``).
    return precise_term(folded) or stem(folded)


@lru_cache(maxsize=200_000)
def _word_terms(token_text):
    # Cached: a text repeats the words of a small vocabulary, and indexing analyses
    # millions of them (a rebuild spends most of its Python time here otherwise).
    forms = inclusive_forms(token_text)
    parts = forms if forms else _SEP_RE.split(token_text)
    if not forms:
        joined = joined_compound(token_text)
        if joined:
            parts = [*parts, joined]
    terms = []
    for part in parts:
        term = term_of(part)
        if term and term not in terms:
            terms.append(term)
    return tuple(terms)


def joined_compound(token_text):
    """``sociolinguistiques`` for ``socio-linguistiques`` (letters joined by hyphens only),
    else ``None``: a compound is indexed in both spellings, and a query for either finds
    the other (``queries.parse``)."""
    parts = _HYPHEN_RE.split(token_text)
    if len(parts) < 2 or not all(part.isalpha() for part in parts):
        return None
    return "".join(parts)


# Elided words of more than one letter (``qu'il``, ``jusqu'ici``): the engines' elision filter
# removes them; any other word before an apostrophe is part of a name (``Conf'At``).
_ELIDED = frozenset({"qu", "jusqu", "quoiqu", "lorsqu", "puisqu", "presqu", "quelqu"})
# The tokens of ``TOKEN_RE`` that hold a hyphen, whole, and only those: anchored at a token's
# start (no letter or digit before it, nor one followed by a separator), possessive (a word is
# never re-read backwards), so a token without a hyphen is tried once, in C.
# ``engine_extra_forms`` called ``joined_compound`` in Python for every word of every text.
_HYPHEN_CLASS = "[" + re.escape(HYPHENS) + "]"
_HYPHENATED_TOKEN_RE = re.compile(
    rf"(?<![^\W_])(?<![^\W_]{_SEP_CLASS})[^\W_]++(?:{_SEP_CLASS}[^\W_]++)*?"
    rf"{_HYPHEN_CLASS}[^\W_]++(?:{_SEP_CLASS}[^\W_]++)*+"
)


def engine_extra_forms(text):
    """Words the engines' tokenizer would not give for ``text`` but our analysis does: the
    joined form of each hyphenated compound (the engine splits at the hyphen) and the two
    words of a name with an apostrophe (``Conf'At``: the engine keeps ``conf'at`` whole, a
    query spells ``Conf At`` or ``Conf’At``, which the plan splits like the database does)."""
    text = normalise_apostrophes(text or "")
    forms = []
    if _HYPHEN_RE.search(text):
        matches = _HYPHENATED_TOKEN_RE.finditer(text)
        forms = [word for t in matches if (word := joined_compound(t.group(0)))]
    for left, right in _apostrophe_words(text):
        if len(left) > 1 and len(right) > 1 and fold(left) not in _ELIDED:
            forms.extend((left, right))
    return forms


_WORD_RUN_RE = re.compile(r"[^\W_]+")


def _apostrophe_words(text):
    r"""``(left, right)`` of each word glued to the next by an apostrophe, as the pattern
    ``(?<![^\W_])([^\W_]+)'([^\W_]+)`` finds them (``finditer``: left to right, without
    overlaps), looked for from the apostrophes instead: the pattern was tried at every word
    start of every text, and French prose holds a few ``l'`` and ``d'`` per sentence, so no
    text could skip it (``tests/search/test_engine_extra_forms.py`` compares both)."""
    pairs = []
    end = 0  # where the previous match ended: matches do not overlap
    position = text.find("'")
    while position != -1:
        start = position
        while start > 0 and text[start - 1].isalnum():  # ``[^\W_]``: a letter or a digit
            start -= 1
        right = _WORD_RUN_RE.match(text, position + 1)
        # A match starts at a word start at or after the previous match's end.
        if start < position and start >= end and right:
            pairs.append((text[start:position], right.group(0)))
            end = right.end()
            position = text.find("'", end)
        else:
            position = text.find("'", position + 1)
    return pairs


def word_terms(token_text):
    """Terms of one token. An inclusive token gives the terms of each of its forms; another
    glued token (``Hautes-Pyrénées``, ``FLE-FLI``) the terms of each of its parts."""
    return list(_word_terms(token_text))


def analyse(text):
    """All terms of ``text``, in order, repeats kept (they weigh in ranking)."""
    text = canonical_abbreviations(normalise_apostrophes(text or ""))
    terms = []
    for token in TOKEN_RE.finditer(text):
        terms.extend(_word_terms(token.group(0)))
    return terms


def index_text(text):
    """What the database backends index for ``text``: its terms separated by spaces."""
    return " ".join(analyse(text))
