"""Abbreviations of the field and what they stand for, in one table.

Applied at query time (a query for ``PRE`` also looks for « programme de réussite
éducative », and the other way round), not at index time: the table can grow without a
reindex, and documents keep honest term frequencies. Elasticsearch gets the same table as a
``synonym_graph`` filter of its search analyzer (see ``search.backends.elasticsearch``).
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Abbreviation:
    #: The forms people type, first one canonical (``PEPS`` for ``PEP'S``).
    forms: tuple
    #: What it stands for; several when it has variants or a successor.
    expansions: tuple


ABBREVIATIONS = (
    Abbreviation(("PRE",), ("programme de réussite éducative",)),
    Abbreviation(("VRL",), ("valeurs de la République et laïcité",)),
    Abbreviation(("PEPS", "PEP'S"), ("prévention et politiques de sécurité",)),
    Abbreviation(("CLSPD",), ("conseil local de sécurité et de prévention de la délinquance",)),
    Abbreviation(
        ("CISPD",),
        ("conseil intercommunal de sécurité et de prévention de la délinquance",),
    ),
    Abbreviation(("QPV",), ("quartier prioritaire de la politique de la ville",)),
    Abbreviation(("NPNRU",), ("nouveau programme national de renouvellement urbain",)),
    Abbreviation(("PNRU",), ("programme national de rénovation urbaine",)),
    Abbreviation(("ESAT",), ("établissement et service d'aide par le travail",)),
    Abbreviation(("FLE",), ("français langue étrangère",)),
    Abbreviation(("FLI",), ("français langue d'intégration",)),
    Abbreviation(("EPCI",), ("établissement public de coopération intercommunale",)),
    # The ANCT took over the CGET in 2020: people look for either and mean both.
    Abbreviation(
        ("ANCT", "CGET"),
        (
            "agence nationale de la cohésion des territoires",
            "commissariat général à l'égalité des territoires",
        ),
    ),
    Abbreviation(("GUSP",), ("gestion urbaine et sociale de proximité",)),
    Abbreviation(("GUP",), ("gestion urbaine de proximité",)),
    Abbreviation(("PTLCD",), ("plan territorial de lutte contre les discriminations",)),
    Abbreviation(("GIP",), ("groupement d'intérêt public",)),
)

# ``PEP'S``, ``PEP’S``, ``Pep's`` → ``PEPS`` before anything splits on the apostrophe.
_CANONICAL = [
    (
        re.compile(r"(?<![^\W_])" + re.escape(form).replace("'", "['’ʼ]") + r"(?![^\W_])", re.I),
        abbreviation.forms[0],
    )
    for abbreviation in ABBREVIATIONS
    for form in abbreviation.forms[1:]
    if "'" in form
]


def canonical_abbreviations(text):
    """Spell abbreviations with punctuation in one way (``PEP’S`` → ``PEPS``)."""
    # Every such form holds an apostrophe: most texts need no pattern run at all.
    if not ("'" in text or "’" in text or "ʼ" in text):
        return text
    for pattern, canonical in _CANONICAL:
        text = pattern.sub(canonical, text)
    return text


def synonym_groups(analyse):
    """Each abbreviation as a list of alternatives, each a tuple of analysed terms.

    ``analyse`` is passed in (rather than imported) to keep this module a plain table.
    """
    groups = []
    for abbreviation in ABBREVIATIONS:
        alternatives = []
        for text in abbreviation.forms + abbreviation.expansions:
            terms = tuple(analyse(text))
            if terms and terms not in alternatives:
                alternatives.append(terms)
        groups.append(alternatives)
    return groups


def expansions_for(term, analyse):
    """All alternatives (tuples of terms) of the group ``term`` is the abbreviation of."""
    for alternatives in synonym_groups(analyse):
        if (term,) in alternatives:
            return alternatives
    return [(term,)]
