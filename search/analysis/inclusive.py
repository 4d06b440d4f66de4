"""Inclusive writing (« écriture inclusive ») expanded into the words it stands for.

``acteur·rice·s`` is one token for every standard tokenizer, and it shares no stem with
``actrices``: left alone, neither finds the other. We expand it into its masculine and
feminine forms (``acteurs actrices``) both in documents and in queries.

What must *not* be expanded: words that merely contain a separator (``l·a`` noise, ``M.``,
``1.5``, ``www.exemple.fr``, ``Hautes-Pyrénées``, ``fais-le``). Hence the strict rules: the
part after the separator must be a known feminine ending *and* agree with the end of the
stem (``·rice`` only after ``-teur``, ``·le`` only after ``-l`` …), URLs and e-mail addresses
are skipped, and stems are at least two letters long.
"""

import re
import unicodedata
from functools import lru_cache

# Middle dot, bullet, hyphenation point, dot operator, full stop, hyphen (and its Unicode
# cousins). The typographic middle dot is the recommended one; people type all of them.
SEPARATORS = "·•‧⋅.\u2010\u2011-"
_SEP_CLASS = "[" + re.escape(SEPARATORS) + "]"
_LETTERS = r"[^\W\d_]+"

# Both patterns start at the start of a run of letters (``_WORD_START``): a match starting
# inside one would also match from the letter before it, so the results are the same, but
# the engine no longer retries every position of every word (quadratic in its length; the
# parenthesised form alone took most of a rewrite's time).
_WORD_START = r"(?<![^\W\d_])"
# A candidate: letters, then one or two (separator + letters) groups.
CANDIDATE_RE = re.compile(rf"{_WORD_START}{_LETTERS}(?:{_SEP_CLASS}{_LETTERS}){{1,2}}")
# ``participant(e)s``, ``acteur(rice)s``: the older parenthesised form.
PARENTHESISED_RE = re.compile(
    rf"{_WORD_START}({_LETTERS})\(({_LETTERS})\)(s|x)?(?![^\W_])", re.IGNORECASE
)
# Chunks in which nothing is inclusive writing.
_URLISH_RE = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|mailto:)\S*|\S+@\S+", re.IGNORECASE)

MIN_STEM_LENGTH = 2


def _plain(text):
    """Lower case without accents, to compare endings (``ère`` and ``ere`` alike)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# (feminine ending as written after the separator, required end of the stem, characters of
# the stem to drop before appending the ending). Longest endings first.
FEMININE_RULES = (
    ("trice", "teur", 4),  # animateur·trice → animatrice
    ("euse", "eur", 3),  # travailleur·euse → travailleuse
    ("euse", "eux", 3),  # heureux·euse → heureuse
    ("enne", "en", 2),  # citoyen·enne → citoyenne
    ("rice", "teur", 3),  # acteur·rice → actrice
    ("ice", "teur", 2),  # directeur·ice → directrice
    ("ere", "er", 2),  # conseiller·ère → conseillère
    ("ive", "if", 2),  # sportif·ive → sportive
    ("se", "eur", 1),  # travailleur·se → travailleuse
    ("se", "eux", 1),  # heureux·se → heureuse
    ("ve", "f", 1),  # sportif·ve → sportive
    ("fe", "f", 0),  # chef·fe → cheffe
    ("le", "l", 0),  # professionnel·le → professionnelle
    ("ne", "n", 0),  # technicien·ne → technicienne
    ("te", "t", 0),  # muet·te → muette
    ("e", "", 0),  # participant·e → participante, élu·e → élue
)

# Whole words that follow no rule. Keys use ``·`` whatever separator was typed.
IRREGULAR = {
    "tou·te": ("tout", "toute"),
    "tou·te·s": ("tous", "toutes"),
    "tou·tes": ("tous", "toutes"),
    "ceux·celles": ("ceux", "celles"),
    "celles·ceux": ("celles", "ceux"),
    "celui·celle": ("celui", "celle"),
    "celle·celui": ("celle", "celui"),
    "il·elle": ("il", "elle"),
    "elle·il": ("elle", "il"),
    "il·elle·s": ("ils", "elles"),
    "ils·elles": ("ils", "elles"),
    "elles·ils": ("elles", "ils"),
    "eux·elles": ("eux", "elles"),
    "du·de": ("du", "de"),
    "au·à": ("au", "à"),
}
_IRREGULAR_PLAIN = {_plain(key): value for key, value in IRREGULAR.items()}


def _feminine(stem, ending):
    stem_plain, ending_plain = _plain(stem), _plain(ending)
    if len(stem_plain) < MIN_STEM_LENGTH or not stem_plain[-1].isalpha():
        return None
    for rule_ending, stem_end, drop in FEMININE_RULES:
        if ending_plain != rule_ending or not stem_plain.endswith(stem_end):
            continue
        if rule_ending == "e" and stem[-1].lower() == "e":
            return None  # ``une·e`` is noise, not a feminine (``chargé·e`` is one)
        return stem[: len(stem) - drop] + ending
    return None


def _plural(word, marker="s"):
    if _plain(word)[-1] in "sxz":
        return word
    return word + marker


def inclusive_forms(token):
    """The words an inclusive token stands for, or ``None`` if it is not inclusive writing.

    >>> inclusive_forms("acteur·rice·s")
    ['acteurs', 'actrices']
    >>> inclusive_forms("élu·e")
    ['élu', 'élue']
    >>> inclusive_forms("www.exemple.fr") is None
    True
    """
    parts = re.split(_SEP_CLASS, token)
    if len(parts) < 2 or len(parts) > 3 or not all(parts):
        return None
    key = "·".join(_plain(part) for part in parts)
    if key in _IRREGULAR_PLAIN:
        masculine_feminine = _IRREGULAR_PLAIN[key]
        # Keep the case of the input when it was all capitals (titles are often shouted).
        if token.isupper():
            return [form.upper() for form in masculine_feminine]
        return list(masculine_feminine)

    stem, ending = parts[0], parts[1]
    plural_marker = None
    if len(parts) == 3:
        if _plain(parts[2]) not in ("s", "x"):
            return None
        plural_marker = parts[2]
    feminine = _feminine(stem, ending)
    if feminine is None and len(parts) == 2 and _plain(ending)[-1:] in ("s", "x") and ending[:-1]:
        # ``participant·es``, ``acteur·rices``: the plural mark glued to the ending.
        feminine = _feminine(stem, ending[:-1])
        plural_marker = ending[-1]
    if feminine is None:
        return None
    if plural_marker:
        return [_plural(stem, plural_marker), _plural(feminine, plural_marker)]
    return [stem, feminine]


def _expand_candidate(match):
    return _candidate_expansion(match.group(0))


@lru_cache(maxsize=50_000)
def _candidate_expansion(token):
    # Cached: the glued words of a corpus are a small vocabulary (``acteur·rice·s``,
    # ``Hautes-Pyrénées``), met again in every document a rebuild rewrites.
    forms = inclusive_forms(token)
    return " ".join(forms) if forms else token


def _expand_parenthesised(match):
    stem, ending, plural = match.group(1), match.group(2), match.group(3)
    token = f"{stem}·{ending}" + (f"·{plural}" if plural else "")
    forms = inclusive_forms(token)
    return " ".join(forms) if forms else match.group(0)


# Cheap tests that say when a pattern cannot match, so that most texts (prose with no
# glued words, no URL) are not scanned by the slower patterns at all.
_GLUED_RE = re.compile(rf"[^\W\d_]{_SEP_CLASS}[^\W\d_]")  # what every candidate holds
_URL_MARK_RE = re.compile(r"www\.|mailto:", re.IGNORECASE)


def _may_hold_urls(text):
    """Whether ``_URLISH_RE`` can match in ``text``: each of its forms needs one of these.
    The case-blind pattern runs only on texts holding the end of one of its marks (``w.``,
    ``o:``), which prose rarely does: scanned for every text, it cost a fifth of a rewrite."""
    if "@" in text or "://" in text:
        return True
    if not ("w." in text or "W." in text or "o:" in text or "O:" in text):
        return False
    return _URL_MARK_RE.search(text) is not None


def _expand_chunk(chunk):
    if "(" in chunk:
        chunk = PARENTHESISED_RE.sub(_expand_parenthesised, chunk)
    if _GLUED_RE.search(chunk) is None:
        return chunk
    return CANDIDATE_RE.sub(_expand_candidate, chunk)


def expand_inclusive(text):
    """Rewrite every inclusive token of ``text`` into its forms, leaving URLs and e-mails alone.

    >>> expand_inclusive("Les acteur·rice·s et les élu·e·s, voir www.rt.fr")
    'Les acteurs actrices et les élus élues, voir www.rt.fr'
    """
    if not _may_hold_urls(text):
        return _expand_chunk(text)
    out = []
    position = 0
    for url in _URLISH_RE.finditer(text):
        out.append(_expand_chunk(text[position : url.start()]))
        out.append(url.group(0))
        position = url.end()
    out.append(_expand_chunk(text[position:]))
    return "".join(out)
