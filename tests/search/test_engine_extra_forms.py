"""``engine_extra_forms`` finds the hyphenated tokens with one anchored pattern instead of
looking at every token in Python: the same forms, in the same order, as the scan of every
token of ``TOKEN_RE``."""

import random
import re

import pytest

from search.analysis import pipeline
from search.analysis.pipeline import TOKEN_RE, engine_extra_forms, joined_compound

# The apostrophe pattern as it was: tried at every position.
_APOSTROPHE_WORD_RE = re.compile(r"([^\W_]+)'([^\W_]+)")


def _every_token(text):
    """The forms as they were computed: ``joined_compound`` of every token, then the words
    of a name with an apostrophe."""
    text = pipeline.normalise_apostrophes(text or "")
    forms = [word for t in TOKEN_RE.finditer(text) if (word := joined_compound(t.group(0)))]
    for match in _APOSTROPHE_WORD_RE.finditer(text):
        left, right = match.groups()
        if len(left) > 1 and len(right) > 1 and pipeline.fold(left) not in pipeline._ELIDED:
            forms.extend(match.groups())
    return forms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les socio-linguistiques des Hautes-Pyrénées", ["sociolinguistiques", "HautesPyrénées"]),
        ("socio\u2010linguistique et socio\u2011culturel", ["sociolinguistique", "socioculturel"]),
        ("voir socio-linguistiques.fr ou a.b-c", []),  # a dot in the token: not a compound
        ("les acteur·rice-s", []),
        ("x-1 et 2-3 et ab-", []),
        ("-ab -cd- e--f", []),
        ("mot_avec-tiret", ["avectiret"]),  # « _ » ends a token
        ("peut-être, c'est-à-dire", ["peutêtre", "estàdire"]),
        ("Le Conf'At et Conf’At", ["Conf", "At", "Conf", "At"]),
        ("", []),
        (None, []),
    ],
)
def test_forms(text, expected):
    assert engine_extra_forms(text) == expected
    assert _every_token(text) == expected


ALPHABET = "ab é É Xz19²_·.-\u2010\u2011'’ \n"


def test_same_forms_as_every_token_on_random_texts():
    chooser = random.Random(9)
    for _ in range(20_000):
        text = "".join(chooser.choice(ALPHABET) for _ in range(chooser.randint(0, 30)))
        assert engine_extra_forms(text) == _every_token(text), repr(text)


def test_same_forms_on_words():
    words = ["socio-linguistique", "a.b-c", "1-a", "é-è", "acteur·rice·s", "l'école", "x", "-"]
    chooser = random.Random(10)
    for _ in range(5_000):
        text = "".join(
            chooser.choice(words) + chooser.choice([" ", "", "-", ".", "_", "·", ", "])
            for _ in range(chooser.randint(1, 8))
        )
        assert engine_extra_forms(text) == _every_token(text), repr(text)
