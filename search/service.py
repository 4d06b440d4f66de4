"""The search service: what the JSON API and the HTML page both call.

Rules every result obeys (one test each in tests/search/test_service_visibility.py):
- the caller's audience tokens are read afresh on every call (``search.audience``);
- anonymous callers see ``public`` documents only; members also see the documents of the
  spaces they may see today; the pages under a view restriction are found by those whom all
  its restrictions let in, and by the editors who see them in the Wagtail admin;
- the total, the facets, the snippets and the suggestions are computed on that same set;
- documents are only ever built for live, visible content (``search.documents``), so drafts,
  unpublished pages and hidden posts never reach the index at all;
- never silence (tests/search/test_never_silence.py): every word first; if that finds
  nothing, the query with its misspelt words corrected from the vocabulary of public documents
  (``search.spelling``), then the documents with any of the words, best partial matches
  first (fuzzy on Elasticsearch), flagged ``approximate`` (« Résultats approchants »); a
  correction is offered (``did_you_mean``) only when it finds something the caller may see.

Failure modes: bad input raises ``InvalidSearch`` (a 400 with French messages); an engine that
does not answer gives results from the database rows with ``degraded=True``; if even that fails,
``SearchUnavailable`` (a 503).
"""

import logging
import math
import re
from dataclasses import dataclass, field, replace

from django.db import DatabaseError

from search.analysis.inclusive import SEPARATORS
from search.analysis.pipeline import TOKEN_RE, fold
from search.analysis.queries import parse
from search.audience import audience_tokens
from search.engines import (
    ANY_WORD,
    FACETS,
    EngineRejected,
    EngineUnavailable,
    FallbackEngine,
    SearchRequest,
    default_engine,
)
from search.forms import InvalidSearch, clean_query_text, validate_search
from search.highlight import highlight, snippet
from search.models import Kind, is_restricted_audience
from search.spelling import correct
from search.threads import ThreadReplies, matching_replies

logger = logging.getLogger(__name__)

SUGGEST_LIMIT = 8
#: ``Kind.values`` builds a list on each call: the labels are read once (#16).
KIND_LABELS = dict(Kind.choices)
SUGGEST_MIN_LENGTH = 2
SUGGEST_MAX_LENGTH = 100
_SEP_RE = re.compile("[" + re.escape(SEPARATORS) + "]")

__all__ = [
    "InvalidSearch",
    "SearchResponse",
    "SearchUnavailable",
    "ThreadReplies",
    "search",
    "suggest",
]


class SearchUnavailable(Exception):
    """Neither the engine nor the database fallback could answer."""


@dataclass
class Result:
    title: str
    title_html: str
    url: str
    kind: str
    kind_label: str
    date: object
    snippet: str
    space_name: str
    restricted_label: str  # "" for public results
    #: A topic's matching replies (``ThreadReplies``); ``None`` for every other result.
    replies: ThreadReplies | None = None


@dataclass
class FacetCount:
    value: object
    label: str
    count: int
    selected: bool


@dataclass
class SearchResponse:
    query: str
    results: list
    total: int
    page: int
    page_size: int
    sort: str
    facets: dict = field(default_factory=dict)
    degraded: bool = False
    truncated: bool = False
    #: Not every word was found: the best partial or corrected matches.
    approximate: bool = False
    #: The corrected query (« Vouliez-vous dire … ? »), "" when there is none.
    did_you_mean: str = ""

    @property
    def pages(self):
        return math.ceil(self.total / self.page_size) if self.total else 0


def _restricted_label(document):
    # Not « Réservé au réseau … »: space names often start with the word themselves
    # (« Réservé au réseau Réseau VRL Occitanie »), and not every space is a network.
    if document.space_id is not None:
        if not document.space_name:
            return "Réservé aux membres de l'espace"
        return f"Réservé aux membres de l'espace « {document.space_name} »"
    if is_restricted_audience(document.audience):
        # Whom it is for is the page's restriction (a group, any account, a password): the
        # reader is among them, or edits the page.
        return "Accès restreint"
    return ""


def _result(document, terms, replies=None):
    return Result(
        title=document.title,
        title_html=highlight(document.title, terms),
        url=document.url,
        kind=document.kind,
        kind_label=KIND_LABELS.get(document.kind, document.kind),
        date=document.date,
        snippet=snippet(document.body, terms),
        space_name=document.space_name,
        restricted_label=_restricted_label(document),
        replies=replies,
    )


ENGINE_REJECTED = (
    "Le moteur de recherche n'a pas pu traiter cette recherche : "
    "simplifiez-la (moins de mots ou de filtres)."
)


def _run(engine, request):
    try:
        return engine.search(request), False
    except EngineRejected as error:
        # The engine refused the request itself: the fallback would only be slower. The
        # caller gets a 400 that says what to do.
        logger.warning("Search engine %s rejected a request: %s", engine.name, error)
        raise InvalidSearch({"q": [ENGINE_REJECTED]}) from error
    except (EngineUnavailable, DatabaseError) as error:
        logger.warning("Search engine %s unavailable, using the fallback: %s", engine.name, error)
    try:
        return FallbackEngine().search(request), True
    except DatabaseError as error:
        raise SearchUnavailable("La recherche est momentanément indisponible.") from error


def search(user, q="", filters=None, sort=None, page=None, page_size=None):
    """Search what ``user`` may see.

    ``filters`` holds raw filter parameters (``{"kind": ["actualite"], "theme": "education"}``),
    validated like the query string of ``/api/search/``. Returns a ``SearchResponse``; raises
    ``InvalidSearch`` or ``SearchUnavailable``.
    """
    data = {"q": q, **(filters or {})}
    for key, value in (("sort", sort), ("page", page), ("page_size", page_size)):
        if value is not None:
            data[key] = value
    return search_with_parameters(user, validate_search(data))


def search_from_query_dict(user, query_dict):
    """The same, from ``request.GET`` (unknown parameters are refused)."""
    return search_with_parameters(user, validate_search(query_dict))


def _never_silent(request, text, degraded):
    """When every word finds nothing: the corrected query, every word, then any word of it
    (or of the query itself). Returns ``(request, outcome, degraded, did_you_mean)``."""
    corrected = correct(text)
    if corrected:
        request = replace(request, plan=parse(corrected))
        outcome, degraded = _run(default_engine(), request)
        if outcome.total:
            return request, outcome, degraded, corrected
    # One word: the same match again on the database, but fuzzy on Elasticsearch.
    request = replace(request, match=ANY_WORD)
    outcome, degraded = _run(default_engine(), request)
    return request, outcome, degraded, corrected if outcome.total and corrected else ""


def search_with_parameters(user, parameters):
    plan = parse(parameters["q"])
    page, page_size = parameters["page"], parameters["page_size"]
    request = SearchRequest(
        audience=audience_tokens(user),
        plan=plan,
        filters=parameters["filters"],
        sort=parameters["sort"],
        offset=(page - 1) * page_size,
        limit=page_size,
    )
    outcome, degraded = _run(default_engine(), request)
    approximate, did_you_mean = False, ""
    if not outcome.total and not plan.is_empty:
        request, retried, degraded, did_you_mean = _never_silent(request, parameters["q"], degraded)
        if retried.total:
            outcome, approximate, plan = retried, True, request.plan
    terms = plan.all_terms()
    # A topic is one result with its replies; which of them match is said on the result.
    replies = matching_replies(outcome.documents, plan, request.match)
    facets = {
        facet: [
            FacetCount(value, label, count, value in request.filters.selected(facet))
            for value, label, count in outcome.facets.get(facet, [])
        ]
        for facet in FACETS
    }
    return SearchResponse(
        query=parameters["q"],
        results=[
            _result(document, terms, replies.get(document.pk)) for document in outcome.documents
        ],
        total=outcome.total,
        page=page,
        page_size=page_size,
        sort=parameters["sort"],
        facets=facets,
        degraded=degraded,
        truncated=plan.truncated,
        approximate=approximate,
        did_you_mean=did_you_mean,
    )


def _prefix_text(prefix):
    """Folded words only: what the autocomplete index holds (``suggest_text``)."""
    cleaned = clean_query_text(prefix[:SUGGEST_MAX_LENGTH])
    words = [
        fold(part) for token in TOKEN_RE.findall(cleaned) for part in _SEP_RE.split(token) if part
    ]
    return " ".join(words)


def _suggested(audience, text, prefix, limit):
    try:
        return default_engine().suggest(audience, text, limit * 2)
    except (EngineUnavailable, EngineRejected, DatabaseError) as error:
        logger.warning("Suggestions from the fallback: %s", error)
        return FallbackEngine().suggest(audience, prefix, limit * 2)


def suggest(user, prefix, limit=SUGGEST_LIMIT):
    """Titles of documents ``user`` may see that start like ``prefix`` (autocomplete).

    Returns ``[{"title", "url", "kind"}]``; short or empty prefixes give ``[]``.
    """
    text = _prefix_text(prefix or "")
    if len(text) < SUGGEST_MIN_LENGTH:
        return []
    audience = audience_tokens(user)
    documents = _suggested(audience, text, prefix.strip(), limit)
    if not documents:
        # A missing or doubled letter: the words corrected from the public vocabulary
        # (``search.spelling``), then the same audience-filtered suggestions.
        corrected = correct(prefix)
        if corrected:
            documents = _suggested(audience, _prefix_text(corrected), corrected.strip(), limit)
    suggestions, seen = [], set()
    for document in documents:
        if document.title in seen:
            continue
        seen.add(document.title)
        suggestions.append({"title": document.title, "url": document.url, "kind": document.kind})
    return suggestions[:limit]
