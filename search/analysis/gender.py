"""Masculine and feminine forms of the same word, so that one finds the other.

Inclusive writing links ``acteurs`` and ``actrices`` when it is in the text or in the query
(``acteur·rice·s``, see ``inclusive``); a text that only says « acteurs » must also answer
``actrices``, and the other way round. Snowball already gives many pairs one stem
(``coordinateur``/``coordinatrice`` → ``coordin``, ``élu``/``élue``, ``référent``/``référente``,
``habitant``/``habitante``), not all of them: ``acteur``/``actric``, ``formateur``/``formatric``,
``delegu``/``delegue``, ``chercheur``/``chercheux``…

At query time (``queries.parse``), a word of the vocabulary below becomes an OR of the terms of
its forms (masculine and feminine, singular and plural): no re-indexing, the same plan for
every engine (terms for the database, each form as text for Elasticsearch, whose search
analyzer also gets the groups as synonyms, ``search.backends.french``).

The guards, because suffix rules alone would wreck ordinary words (``secteur`` → « sectrice »,
``port`` → ``porte``, ``mer`` → ``mère``):

1. only the words of ``VOCABULARY`` are expanded: people and roles of the field, written in
   inclusive writing and expanded by the same tested rules as texts (``inclusive_forms``:
   ``-teur``/``-trice``, ``-eur``/``-euse``, ``-ien``/``-ienne``, ``-el``/``-elle``,
   ``-if``/``-ive``, ``-er``/``-ère``, final ``-e``); a word missing here is only not
   expanded;
2. Snowball stems some forms like a common word (``FALSE_FRIENDS``): ``conseiller`` like
   ``conseil``, ``employeuse`` like ``emploi``, ``usager`` like ``usage``, ``travailleuse``
   like ``travaille``. An OR of stems would then make ``conseillère`` find every council.
   Such a word gets instead one *precise term* for all its forms (``conseiller``), at
   indexing and at query time alike (``pipeline.term_of``): its forms find each other and
   nothing else. Changing this list or the vocabulary of such words changes indexed terms:
   the documents must be re-indexed (``manage.py search_rebuild``).
"""

from dataclasses import dataclass
from functools import lru_cache

from .inclusive import inclusive_forms
from .stemming import stem

#: Masculine·feminine, in inclusive writing (singular; plurals are derived).
_VOCABULARY = """
    acteur·rice administrateur·rice accompagnateur·rice agriculteur·rice animateur·rice
    auditeur·rice auteur·rice collaborateur·rice conducteur·rice consommateur·rice
    contributeur·rice coordinateur·rice coordonnateur·rice créateur·rice directeur·rice
    éducateur·rice électeur·rice enquêteur·rice évaluateur·rice facilitateur·rice
    fondateur·rice formateur·rice initiateur·rice inspecteur·rice instituteur·rice
    instructeur·rice interlocuteur·rice lecteur·rice médiateur·rice modérateur·rice
    observateur·rice opérateur·rice organisateur·rice prescripteur·rice producteur·rice
    promoteur·rice protecteur·rice recteur·rice rédacteur·rice sénateur·rice tuteur·rice
    utilisateur·rice
    aménageur·euse chercheur·euse chômeur·euse décideur·euse demandeur·euse employeur·euse
    financeur·euse porteur·euse travailleur·euse vendeur·euse visiteur·euse
    docteur·e ingénieur·e professeur·e proviseur·e procureur·e défenseur·e
    citoyen·ne collégien·ne doyen·ne européen·ne gardien·ne historien·ne informaticien·ne
    lycéen·ne mécanicien·ne musicien·ne pharmacien·ne politicien·ne praticien·ne
    technicien·ne ancien·ne champion·ne patron·ne
    professionnel·le intellectuel·le
    sportif·ve
    conférencier·ère conseiller·ère cuisinier·ère douanier·ère écolier·ère étranger·ère
    greffier·ère hospitalier·ère infirmier·ère jardinier·ère ouvrier·ère pionnier·ère
    policier·ère premier·ère dernier·ère prisonnier·ère saisonnier·ère usager·ère
    boursier·ère
    accueillant·e adjoint·e aidant·e apprenant·e assistant·e avocat·e candidat·e
    commerçant·e consultant·e délinquant·e dirigeant·e enseignant·e étudiant·e expert·e
    exploitant·e gérant·e habitant·e intervenant·e lauréat·e magistrat·e migrant·e
    militant·e occupant·e participant·e patient·e président·e référent·e remplaçant·e
    représentant·e résident·e soignant·e suppléant·e surveillant·e agent·e
    accompagné·e allié·e associé·e chargé·e condamné·e délégué·e député·e diplômé·e
    employé·e engagé·e exilé·e handicapé·e immigré·e invité·e licencié·e mandaté·e
    réfugié·e retraité·e salarié·e
    élu·e détenu·e prévenu·e ami·e apprenti·e voisin·e riverain·e
"""
VOCABULARY = tuple(_VOCABULARY.split())

#: Pairs no rule writes.
IRREGULAR = (("ambassadeur", "ambassadrice"),)

#: Common words that Snowball stems like a form of the vocabulary: the words whose forms
#: meet them get a precise term (see above).
FALSE_FRIENDS = (
    "emploi",
    "demande",
    "décider",
    "finance",
    "visite",
    "aménager",
    "travailler",
    "conseil",
    "usage",
    "étrange",
)


def _forms(entry):
    """Masculine and feminine, singular and plural, of one vocabulary entry."""
    if isinstance(entry, tuple):
        masculine, feminine = entry
        return [masculine, feminine, masculine + "s", feminine + "s"]
    singular, plural = inclusive_forms(entry), inclusive_forms(entry + "·s")
    if not singular or not plural:
        raise ValueError(f"{entry!r} is not inclusive writing the rules expand")
    return singular + plural


def _fold(word):
    from .pipeline import fold

    return fold(word)


def _stem(word):
    """Snowball's term of a word (what ``pipeline.term_of`` gives a word outside the
    vocabulary)."""
    return stem(_fold(word))


@dataclass(frozen=True)
class Group:
    forms: tuple  # masculine, feminine, then their plurals
    terms: tuple  # ((term, first form giving it), …): what a query for any form looks for
    precise: bool  # one precise term for every form (their stems meet a false friend's)


@lru_cache(maxsize=1)
def groups():
    """Each vocabulary word as a ``Group``."""
    false_friends = {_stem(word) for word in FALSE_FRIENDS}
    result = []
    for entry in (*VOCABULARY, *IRREGULAR):
        forms = tuple(_forms(entry))
        stems = [_stem(form) for form in forms]
        if false_friends.intersection(stems):
            result.append(Group(forms, ((_fold(forms[0]), forms[0]),), precise=True))
            continue
        by_term = {}
        for form, term in zip(forms, stems, strict=True):
            by_term.setdefault(term, form)
        result.append(Group(forms, tuple(by_term.items()), precise=False))
    return tuple(result)


@lru_cache(maxsize=1)
def _by_form():
    return {_fold(form): group for group in groups() for form in group.forms}


def precise_term(folded):
    """The precise term of a folded word whose forms meet a false friend, else ``None``."""
    group = _by_form().get(folded)
    return group.terms[0][0] if group is not None and group.precise else None


def gendered_terms(word):
    """``((term, form), …)`` of every form of ``word`` (any of them, any case or accents),
    or ``()`` when it is not in the vocabulary."""
    group = _by_form().get(_fold(word))
    return group.terms if group is not None else ()


def synonym_groups():
    """The folded forms of each group, for a search analyzer's synonyms
    (``search.backends.french``). Precise groups are left out: the engine's analyzers give
    all their forms one term before stemming (``precise_overrides``), and a synonym's output
    would be stemmed again, like the false friend (``conseillers`` → ``conseil``)."""
    kept = []
    for group in groups():
        if group.precise:
            continue
        words = list(dict.fromkeys(_fold(form) for form in group.forms))
        if len(words) > 1:
            kept.append(words)
    return kept


def precise_overrides():
    """Solr-format ``stemmer_override`` rules giving every form of a precise group its one
    term (``employeur, employeurs, employeuse, employeuses => employeur``): an engine's
    Snowball would stem ``employeuses`` like the false friend ``emploi``, as ours would
    without the precise term."""
    return [
        ", ".join(dict.fromkeys(_fold(form) for form in group.forms)) + f" => {group.terms[0][0]}"
        for group in groups()
        if group.precise
    ]
