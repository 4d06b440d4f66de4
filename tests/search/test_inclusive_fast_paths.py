"""``expand_inclusive`` skips the patterns that cannot match a text (no URL mark, no
parenthesis, no glued word) and anchors the others at word starts: the same rewrites as
scanning everything."""

import random
import re

import pytest

from search.analysis import inclusive
from search.analysis.inclusive import expand_inclusive


def _full_scan(text):
    """The rewrite without the shortcuts: every pattern run over the whole text, tried at
    every position."""
    out, position = [], 0
    for url in inclusive._URLISH_RE.finditer(text):
        out.append(_full_chunk(text[position : url.start()]))
        out.append(url.group(0))
        position = url.end()
    out.append(_full_chunk(text[position:]))
    return "".join(out)


def _unanchored(pattern):
    return re.compile(pattern.pattern.replace(inclusive._WORD_START, ""), pattern.flags)


PARENTHESISED_ANYWHERE = _unanchored(inclusive.PARENTHESISED_RE)
CANDIDATE_ANYWHERE = _unanchored(inclusive.CANDIDATE_RE)


def _full_chunk(chunk):
    chunk = PARENTHESISED_ANYWHERE.sub(inclusive._expand_parenthesised, chunk)
    return CANDIDATE_ANYWHERE.sub(inclusive._expand_candidate, chunk)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les participant(e)s", "Les participants participantes"),
        ("WWW.RT.FR/les-élu·e·s puis les élu·e·s", "WWW.RT.FR/les-élu·e·s puis les élus élues"),
        ("Mailto:contact·e élu·e", "Mailto:contact·e élu élue"),
        ("MAILTO:contact·e élu·e", "MAILTO:contact·e élu élue"),
        ("voir wWw.élu·e.fr et les élu·e·s", "voir wWw.élu·e.fr et les élus élues"),
        (
            "écrire à acteur·rice@rt.fr ou aux acteur·rice·s",
            "écrire à acteur·rice@rt.fr ou aux acteurs actrices",
        ),
        (
            "Une phrase. Une autre, sans rien à développer",
            "Une phrase. Une autre, sans rien à développer",
        ),
        ("x1participant(e)s", "x1participants participantes"),
    ],
)
def test_inclusive_forms_are_expanded_outside_urls_whatever_shortcut_applies(text, expected):
    assert expand_inclusive(text) == expected


def test_the_shortcuts_give_what_scanning_everything_gives():
    rng = random.Random(9)
    alphabet = "ab·(e)s -1.xéWw:/@ tmoOM"
    texts = ["".join(rng.choice(alphabet) for _ in range(40)) for _ in range(5000)]
    texts += ["www." + text for text in texts[:200]] + ["mailto:" + t for t in texts[:200]]
    for text in texts:
        assert expand_inclusive(text) == _full_scan(text), text
