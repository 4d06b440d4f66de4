"""French analysis for Elasticsearch and OpenSearch index settings, built from the same tables
as the Python analysis (stop words, abbreviations, gendered forms, inclusive writing rules) so
that the engines and the database backends agree on what matches what.

Documents and queries that go through ``search.service`` already arrive rewritten (inclusive
writing expanded, ``PEP’S`` spelled ``PEPS``); the char filters below are for text indexed
without us, e.g. Wagtail's own page index used by the admin search. The search documents are
indexed with ``PREPARED_INDEX_ANALYZER``, the same chain without those char filters: already
rewritten, their text has nothing left for them to change, and the eighteen regular
expressions run over every character cost the node 4 to 5 times its indexing time
(docs/benchmarks.md, « Recherche sur OpenSearch »).
"""

import re

from search.analysis.gender import precise_overrides
from search.analysis.gender import synonym_groups as gender_synonym_groups
from search.analysis.inclusive import FEMININE_RULES
from search.analysis.pipeline import fold
from search.analysis.stopwords import STOPWORDS
from search.analysis.synonyms import ABBREVIATIONS

INDEX_ANALYZER = "portal_french"
PREPARED_INDEX_ANALYZER = "portal_french_prepared"
SEARCH_ANALYZER = "portal_french_search"
#: What the admin's autocomplete (Wagtail's ``_edgengrams`` fields) analyses a query with: the
#: edge n-grams are indexed folded (modelsearch's ``edgengram_analyzer``: ``béziers`` →
#: ``beziers``) and modelsearch searches them with ``standard``, which keeps the accent: an
#: accented word never found itself.
AUTOCOMPLETE_SEARCH_ANALYZER = "portal_autocomplete_search"

ELISION_ARTICLES = ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu",
                    "puisqu", "presqu", "quelqu"]  # fmt: skip

# Only the middle dot family (· • ‧ ⋅): with ``.`` and ``-`` a regular expression cannot tell
# ``exemple.es`` from ``ami.e.s`` as carefully as the Python rules do.
_DOT = "[\u00b7\u2022\u2027\u22c5]"


def inclusive_char_filters():
    """One ``pattern_replace`` char filter per feminine rule: ``acteur·rice·s`` →
    ``acteurs actrices``. Java regular expressions; ``$n`` of an unmatched group is empty."""
    filters = {}
    for number, (ending, stem_end, drop) in enumerate(FEMININE_RULES):
        kept, rest = stem_end[: len(stem_end) - drop], stem_end[len(stem_end) - drop :]
        ending_pattern = "ère|ere" if ending == "ere" else re.escape(ending)
        pattern = (
            rf"(?iu)(?<!\p{{L}})(\p{{L}}+?)({kept})({rest}){_DOT}({ending_pattern})"
            rf"(?:{_DOT}?([sx]))?(?!\p{{L}})"
        )
        if ending == "e":
            # A bare ``·e`` needs a stem of two letters or more that does not end with e.
            pattern = (
                rf"(?iu)(?<!\p{{L}})(\p{{L}}+[\p{{L}}&&[^eE]])()(){_DOT}(e)"
                rf"(?:{_DOT}?([sx]))?(?!\p{{L}})"
            )
        filters[f"portal_inclusive_{number:02d}"] = {
            "type": "pattern_replace",
            "pattern": pattern,
            "replacement": "$1$2$3$5 $1$2$4$5",
        }
    return filters


def synonym_rules():
    """Solr-format equivalence rules: the abbreviations (``pre, programme de réussite
    éducative``), then the gendered forms of the vocabulary of ``search.analysis.gender``
    (``acteur, actrice, acteurs, actrices``), the ones its query expansion relates."""
    rules = []
    for abbreviation in ABBREVIATIONS:
        forms = [form for form in abbreviation.forms if "'" not in form]
        rules.append(", ".join(fold(text) for text in forms + list(abbreviation.expansions)))
    rules.extend(", ".join(words) for words in gender_synonym_groups())
    return rules


def french_analysis_settings():
    """The ``settings.analysis`` additions (merged into modelsearch's own settings)."""
    char_filters = {
        "portal_apostrophes": {"type": "mapping", "mappings": ["’ => '", "ʼ => '", "‘ => '"]},
        "portal_peps": {
            "type": "pattern_replace",
            "pattern": r"(?i)\bPEP'S\b",
            "replacement": "PEPS",
        },  # fmt: skip
        **inclusive_char_filters(),
    }
    char_filter_names = list(char_filters)
    token_filters = {
        "portal_elision": {
            "type": "elision",
            "articles_case": True,
            "articles": ELISION_ARTICLES,
        },  # fmt: skip
        # Before the stemmer, which leaves the overridden words alone (keyword-marked).
        "portal_precise": {"type": "stemmer_override", "rules": precise_overrides()},
        "portal_stop": {"type": "stop", "stopwords": sorted({fold(w) for w in STOPWORDS})},
        # Snowball French: the algorithm of our Python analysis and of PostgreSQL's
        # ``french_stem``, so the three backends stem alike.
        "portal_stemmer": {"type": "stemmer", "language": "french"},
        "portal_synonyms": {
            "type": "synonym_graph",
            "synonyms": synonym_rules(),
            "lenient": True,
        },  # fmt: skip
    }
    index_filters = [
        "portal_elision",
        "lowercase",
        "asciifolding",
        "portal_precise",
        "portal_stop",
        "portal_stemmer",
    ]
    search_filters = [
        "portal_elision",
        "lowercase",
        "asciifolding",
        "portal_precise",
        "portal_synonyms",
        "portal_stop",
        "portal_stemmer",
    ]
    return {
        "settings": {
            "analysis": {
                "char_filter": char_filters,
                "filter": token_filters,
                "analyzer": {
                    INDEX_ANALYZER: {
                        "type": "custom",
                        "char_filter": char_filter_names,
                        "tokenizer": "standard",
                        "filter": index_filters,
                    },
                    AUTOCOMPLETE_SEARCH_ANALYZER: {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["asciifolding", "lowercase"],
                    },
                    PREPARED_INDEX_ANALYZER: {
                        "type": "custom",
                        "char_filter": ["portal_apostrophes"],
                        "tokenizer": "standard",
                        "filter": index_filters,
                    },
                    SEARCH_ANALYZER: {
                        "type": "custom",
                        "char_filter": char_filter_names,
                        "tokenizer": "standard",
                        "filter": search_filters,
                    },
                },
            }
        }
    }
