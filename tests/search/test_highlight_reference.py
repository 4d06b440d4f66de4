"""The fast highlighter (#16) gives the same bytes as the straightforward one it replaced.

``reference_highlight`` and ``reference_snippet`` below are the implementation of
``search.highlight`` before #16, kept verbatim but for names: every text tokenised with
``TOKEN_RE`` from its start, every word tested with ``_word_terms``. The fast one tests runs
of non-space characters through a cache and tokenises only the snippet's window; any text,
query and length must give the same output, byte for byte.
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from search import highlight as fast
from search.analysis.pipeline import TOKEN_RE, Token, _word_terms, tokens
from search.analysis.queries import parse

# --- the reference: search/highlight.py before #16 ------------------------------------------


def _matches(terms, word):
    return not terms.isdisjoint(_word_terms(word))


SCAN_LIMIT = 20_000
ELLIPSIS = "…"


def _marked_tokens(text, terms):
    if not terms:
        return []
    return [token for token in tokens(text) if _matches(terms, token.text)]


def _first_marked_start(text, terms):
    if terms:
        for match in TOKEN_RE.finditer(text):
            if _matches(terms, match.group(0)):
                return match.start()
    return None


def _marked_between(text, terms, start, end):
    marked = []
    if terms:
        for match in TOKEN_RE.finditer(text, start):
            if match.start() >= end:
                break
            if _matches(terms, match.group(0)):
                marked.append(Token(match.group(0), match.start(), match.end()))
    return marked


def _render(text, start, end, marked):
    out, position = [], start
    for token in marked:
        if token.start < start or token.end > end:
            continue
        out.append(escape(text[position : token.start]))
        out.append(f"<mark>{escape(token.text)}</mark>")
        position = token.end
    out.append(escape(text[position:end]))
    return "".join(out)


def reference_highlight(text, terms):
    text = text or ""
    return mark_safe(_render(text, 0, len(text), _marked_tokens(text, set(terms))))


def _snap_start(text, position):
    space = text.rfind(" ", 0, position)
    return 0 if space == -1 else space + 1


def _snap_end(text, position):
    space = text.find(" ", position)
    return len(text) if space == -1 else space


def reference_snippet(text, terms, length=240):
    text = " ".join((text or "")[:SCAN_LIMIT].split())
    terms = set(terms)
    if len(text) <= length:
        return mark_safe(_render(text, 0, len(text), _marked_tokens(text, terms)))
    start = 0
    first = _first_marked_start(text, terms)
    if first is not None:
        start = _snap_start(text, max(0, first - length // 4))
    end = _snap_end(text, min(len(text), start + length))
    if end - start > length + 40:
        end = start + length
    html = _render(text, start, end, _marked_between(text, terms, start, end))
    prefix = ELLIPSIS + " " if start > 0 else ""
    suffix = " " + ELLIPSIS if end < len(text) else ""
    return mark_safe(f"{prefix}{html}{suffix}")


# --- French texts ----------------------------------------------------------------------------

WORDS = [
    "laïcité",
    "Laïcité",
    "LAÏCITÉ",
    "laicite",
    "acteur·rice·s",
    "acteurs",
    "actrices",
    "habitant·e·s",
    "élu·e·s",
    "coordinateur.rice.s",
    "conseillère",
    "conseillers",
    "l'équipe",
    "l’équipe",
    "d'insertion",
    "qu’il",
    "jusqu'ici",
    "Conf'At",
    "aujourd’hui",
    "socio-linguistiques",
    "sociolinguistiques",
    "Hautes-Pyrénées",
    "FLE-FLI",
    "politique",
    "ville",
    "de",
    "la",
    "l’",
    "QPV",
    "PRE",
    "réussite",
    "éducative",
    "œuvre",
    "cœur",
    "1.5",
    "2026",
    "jeunes",
    "insertion",
    "professionnelle",
    "prévention",
    "délinquance",
    "santé",
    "égalité",
    "illettrisme",
    "x_y",
    "<b>",
    "&amp;",
    '"cité"',
    "«",
    "»",
    "(QPV)",
    "—",
    "emploi.",
    "formation,",
    "…",
    "🙂",
]
SPACES = [" ", " ", " ", "  ", "\n", "\t", "\u00a0", "\u2009", " - ", ", ", ". "]
QUERIES = [
    "",
    "laïcité",
    "actrices",
    "acteur·rice·s",
    "conseillère",
    "équipe",
    "insertion professionnelle",
    "politique de la ville",
    "QPV",
    "PRE",
    "sociolinguistiques",
    "socio-linguistiques",
    "Hautes-Pyrénées",
    "Conf’At",
    "cœur",
    "2026",
    "prévention délinquance santé",
    "jeunes OR emploi",
    '"réussite éducative"',
]

texts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SPACES)), max_size=120).map(
    lambda parts: "".join(word + space for word, space in parts)
)
queries = st.sampled_from(QUERIES)
lengths = st.sampled_from([10, 40, 120, 240])


def _terms(q):
    return parse(q).all_terms()


def _assert_same(text, q, length=240):
    terms = _terms(q)
    assert fast.highlight(text, terms) == reference_highlight(text, terms)
    assert fast.snippet(text, terms, length) == reference_snippet(text, terms, length)
    assert fast.snippet(text, terms) == reference_snippet(text, terms)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, q=queries, length=lengths)
@example(text="Les acteur·rice·s de l’équipe, l'équipe.", q="actrices équipe", length=10)
@example(text="", q="laïcité", length=240)
@example(text="   \n ", q="laïcité", length=1)
@example(text="<b>laïcité</b> & cité", q="laïcité", length=240)
def test_same_output_as_the_reference_on_french_texts(text, q, length):
    _assert_same(text, q, length)


def _long(words, count):
    return " ".join(words[i % len(words)] for i in range(count))


FILLER = ["de", "la", "politique", "ville", "jeunes", "l’équipe", "1.5", "«", "QPV", "santé"]


def test_same_output_on_a_long_text_matched_at_its_start():
    _assert_same("laïcité " + _long(FILLER, 5_000), "laïcité")


def test_same_output_on_a_long_text_matched_in_its_middle_and_at_its_end():
    text = _long(FILLER, 1_500) + " les acteur·rice·s " + _long(FILLER, 1_500) + " laïcité"
    _assert_same(text, "actrices")
    _assert_same(text, "laïcité")


def test_same_output_when_the_match_is_beyond_the_scan_limit():
    _assert_same(_long(FILLER, 5_000) + " laïcité", "laïcité")


def test_same_output_on_a_long_text_without_any_match():
    _assert_same(_long(FILLER, 5_000), "égalité")


def test_same_output_on_one_very_long_word_cut_by_the_window():
    word = "-".join(["socio", "linguistiques", "laïcité"] * 80)
    _assert_same("début " + word + " fin laïcité", "laïcité")
    _assert_same("début " + "x" * 3_000 + "laïcité·e·s suite", "laïcité", length=40)


def test_same_output_when_the_run_cache_starts_afresh(monkeypatch):
    monkeypatch.setattr(fast.TERMS_OF_RUNS, "limit", 3)
    text = "Les acteur·rice·s de l’équipe de la politique de la ville " * 20
    _assert_same(text, "actrices ville", length=60)
