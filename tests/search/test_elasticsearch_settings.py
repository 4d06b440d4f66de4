"""Index settings and mappings of the Elasticsearch/OpenSearch backends (no cluster needed)."""

import re

import pytest
from modelsearch.backends import get_search_backend

from search.analysis import expand_inclusive
from search.backends.french import (
    INDEX_ANALYZER,
    PREPARED_INDEX_ANALYZER,
    SEARCH_ANALYZER,
    inclusive_char_filters,
    synonym_rules,
)
from search.conf import search_backends_from_env
from search.models import SearchDocument

BACKENDS = [
    "search.backends.elasticsearch.Elasticsearch9SearchBackend",
    "search.backends.elasticsearch.Elasticsearch8SearchBackend",
    "search.backends.opensearch.OpenSearchSearchBackend",
]


@pytest.fixture(params=BACKENDS, ids=lambda path: path.rsplit(".", 1)[-1])
def backend(request):
    # Building a client opens no connection: everything below is inspected offline.
    return get_search_backend(request.param, URLS=["http://localhost:9200"])


def test_index_settings_define_french_index_and_search_analyzers(backend):
    analysis = backend.settings["settings"]["analysis"]
    index_analyzer = analysis["analyzer"][INDEX_ANALYZER]
    assert index_analyzer["tokenizer"] == "standard"
    assert index_analyzer["filter"] == [
        "portal_elision",
        "lowercase",
        "asciifolding",
        "portal_precise",
        "portal_stop",
        "portal_stemmer",
    ]
    search_filters = analysis["analyzer"][SEARCH_ANALYZER]["filter"]
    assert "portal_synonyms" in search_filters
    assert search_filters.index("asciifolding") < search_filters.index("portal_synonyms")
    assert analysis["filter"]["portal_stemmer"] == {"type": "stemmer", "language": "french"}
    assert analysis["filter"]["portal_elision"]["type"] == "elision"
    assert {"l", "d", "qu"} <= set(analysis["filter"]["portal_elision"]["articles"])
    assert analysis["filter"]["portal_synonyms"]["type"] == "synonym_graph"


def test_precise_gendered_words_get_one_term_before_the_stemmer_on_both_sides(backend):
    analysis = backend.settings["settings"]["analysis"]
    rules = analysis["filter"]["portal_precise"]["rules"]
    assert "employeur, employeuse, employeurs, employeuses => employeur" in rules
    for analyzer in (INDEX_ANALYZER, SEARCH_ANALYZER):
        filters = analysis["analyzer"][analyzer]["filter"]
        assert filters.index("portal_precise") < filters.index("portal_stemmer")


def test_precise_gendered_words_have_no_synonyms_that_the_stemmer_would_spoil():
    assert not [rule for rule in synonym_rules() if "conseill" in rule or "employeu" in rule]


def test_modelsearch_analyzers_are_kept(backend):
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]
    assert {"edgengram_analyzer", "ngram_analyzer"} <= set(analyzers)


def test_index_analyzer_has_no_synonyms_because_multiword_synonyms_only_work_at_search_time(
    backend,
):
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]
    assert "portal_synonyms" not in analyzers[INDEX_ANALYZER]["filter"]


def test_every_searched_text_field_of_the_document_mapping_is_analysed_in_french(backend):
    properties = backend.mapping_class(SearchDocument).get_mapping()["properties"]
    for name in ("_all_text", "_all_text_boost_4_0", "_all_text_boost_2_0"):
        # Already rewritten by Python (engine_text): the chain without the inclusive filters.
        assert properties[name]["analyzer"] == PREPARED_INDEX_ANALYZER, name
        assert properties[name]["search_analyzer"] == SEARCH_ANALYZER, name
    assert properties["audience_filter"] == {"type": "keyword"}
    assert properties["theme_slugs_filter"] == {"type": "keyword"}
    assert properties["date_filter"] == {"type": "date"}


def test_the_documents_own_text_fields_are_not_indexed_only_copied_to_the_searched_fields(
    backend,
):
    # Queries search the catch-all copies only: analysing title, labels and body in their
    # own fields too was node CPU spent on terms no query asks for.
    properties = backend.mapping_class(SearchDocument).get_mapping()["properties"]
    for name in ("title", "body", "labels_text"):
        assert properties[name]["index"] is False, name
        assert "analyzer" not in properties[name], name
        assert properties[name]["copy_to"], name


def test_the_fields_queries_search_are_the_indexed_copies(backend):
    properties = backend.mapping_class(SearchDocument).get_mapping()["properties"]
    compiler = backend.query_compiler_class(SearchDocument.objects.none(), "laïcité")
    searched = {field.field_name for field in compiler.remapped_fields}
    assert searched == {"_all_text", "_all_text_boost_4_0", "_all_text_boost_2_0"}
    assert all(properties[name].get("index", True) for name in searched)


def test_pages_indexed_by_wagtail_keep_their_own_indexed_text_fields(backend):
    from wagtail.models import Page

    properties = backend.mapping_class(Page).get_mapping()["properties"]
    assert properties["title"].get("index", True)


def test_text_indexed_without_our_rewrite_keeps_the_inclusive_char_filters(backend):
    from wagtail.models import Page

    properties = backend.mapping_class(Page).get_mapping()["properties"]
    assert properties["title"]["analyzer"] == INDEX_ANALYZER


def test_the_prepared_analyzer_is_the_index_chain_without_the_inclusive_char_filters(backend):
    analyzers = backend.settings["settings"]["analysis"]["analyzer"]
    prepared, full = analyzers[PREPARED_INDEX_ANALYZER], analyzers[INDEX_ANALYZER]
    assert prepared["filter"] == full["filter"]
    assert prepared["tokenizer"] == full["tokenizer"]
    assert not [name for name in prepared["char_filter"] if name.startswith("portal_inclusive")]
    assert [name for name in full["char_filter"] if name.startswith("portal_inclusive")]


def test_title_is_boosted_above_labels_and_body(backend):
    properties = backend.mapping_class(SearchDocument).get_mapping()["properties"]
    assert "_all_text_boost_4_0" in properties["title"]["copy_to"]
    assert "_all_text_boost_2_0" in properties["labels_text"]["copy_to"]
    assert properties["body"]["copy_to"] == "_all_text"


def test_documents_sent_to_the_engine_carry_readable_rewritten_text_not_analysed_terms(backend, db):
    from tests.factories.search import make_document

    document = make_document(
        "Les acteur·rice·s de la laïcité",
        "Le réseau PEP’S",
        themes=[("education", "Éducation")],
        index=False,
    )
    sent = backend.mapping_class(SearchDocument).get_document(document)
    assert sent["title"] == "Les acteurs actrices de la laïcité"
    assert sent["body"] == "Le réseau PEPS"
    assert sent["labels_text"] == "Éducation"
    assert sent["audience_filter"] == "public"
    assert sent["theme_slugs_filter"] == ["education"]


def test_synonym_rules_pair_each_abbreviation_with_its_expansion():
    rules = synonym_rules()
    assert "pre, programme de reussite educative" in rules
    assert any(rule.startswith("anct, cget, ") for rule in rules)
    assert all("'" not in rule.split(",")[0] for rule in rules)


def _java_to_python(pattern, replacement):
    python_pattern = pattern.replace(r"\p{L}", r"[^\W\d_]").replace("(?iu)", "(?i)")
    python_replacement = re.sub(r"\$(\d)", r"\\g<\1>", replacement)
    return python_pattern, python_replacement


@pytest.mark.parametrize(
    "text",
    [
        "les acteur·rice·s",
        "les coordonnateur·rice·s",
        "les animateur·trice·s",
        "des professionnel·le·s",
        "les technicien·ne·s",
        "les conseiller·ère·s",
        "les chef·fe·s",
        "les sportif·ve·s",
    ],
)
def test_inclusive_char_filters_agree_with_the_python_rules(text):
    """The Java patterns, run through Python's engine, rewrite like ``expand_inclusive``.
    (The bare ``·e`` rule uses a Java-only class intersection and is left out here.)"""
    rewritten = text
    for definition in inclusive_char_filters().values():
        if "&&" in definition["pattern"]:
            continue
        pattern, replacement = _java_to_python(definition["pattern"], definition["replacement"])
        rewritten = re.sub(pattern, replacement, rewritten)
    assert rewritten.split() == expand_inclusive(text).split()


def test_environment_selects_the_backend():
    assert search_backends_from_env({})["default"] == {
        "BACKEND": "search.backends.database",
        "SEARCH_CONFIG": "portal_french",
        "MODEL_SEARCH_CONFIGS": {"search.SearchDocument": "portal_simple"},
    }
    es = search_backends_from_env({"ELASTICSEARCH_URL": "http://es:9200"})["default"]
    assert es["BACKEND"] == "search.backends.elasticsearch.Elasticsearch9SearchBackend"
    assert es["URLS"] == ["http://es:9200"]
    es8 = search_backends_from_env(
        {"ELASTICSEARCH_URL": "http://es:9200", "ELASTICSEARCH_VERSION": "8"}
    )["default"]
    assert es8["BACKEND"].endswith("Elasticsearch8SearchBackend")
    opensearch = search_backends_from_env({"OPENSEARCH_URL": "http://os:9200"})["default"]
    assert opensearch["BACKEND"] == "search.backends.opensearch.OpenSearchSearchBackend"
    with pytest.raises(ValueError):
        search_backends_from_env({"ELASTICSEARCH_URL": "http://es", "ELASTICSEARCH_VERSION": "6"})
