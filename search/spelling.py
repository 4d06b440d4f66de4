"""« Vouliez-vous dire … ? »: misspelt words corrected from the index's own vocabulary.

The vocabulary (``SearchWord``) is the folded words of the **public** documents: a correction
is never drawn from what only members or editors may read, and the service shows one only
when the corrected query finds something the caller may see (``search.service``). So a word
that occurs only in a space, under a restriction, or in a page not yet online or expired, is
never suggested to someone who may not read it. Members do not get corrections towards the
words of their spaces: the price of one vocabulary for everybody (docs/search.md).

It is filled lazily: each correction first reads the public documents written since the
latest word's ``seen_at`` (usually none), so no indexing path has to know about it. A word
whose documents are gone stays until ``reset``: harmless, since a correction is only shown
when it finds something.

A word is unknown when its folded form is not in the vocabulary; its correction is the known
word at the smallest edit distance (a letter missing, added, doubled, replaced, or two letters
swapped each count one), at most one edit up to 5 letters and two beyond, and of the same first
letter (people rarely misspell the first one, and it keeps the candidates few). PostgreSQL
finds the candidates with a trigram index (``pg_trgm``, migration 0014); SQLite reads the
words of the same first letter and a close length. The one hand-written statement of this
module is that trigram look-up.
"""

import re

from django.db import connections, router
from django.db.models import Max
from django.db.models.functions import Length

from search.analysis.pipeline import TOKEN_RE, fold, normalise_apostrophes
from search.analysis.stopwords import STOPWORDS
from search.models import PUBLIC, SearchDocument, SearchWord

MIN_LENGTH = 3
MAX_LENGTH = 60
#: Documents read per batch when the vocabulary catches up.
BATCH = 500
#: Candidates the trigram index hands over for the edit distance to choose from.
TRIGRAM_CANDIDATES = 50
_PART_RE = re.compile(r"[^\W\d_]+")
_STOPWORDS = frozenset(fold(word) for word in STOPWORDS)


def _is_word(folded):
    return MIN_LENGTH <= len(folded) <= MAX_LENGTH and folded not in _STOPWORDS


def words_of(text):
    """``{folded word: form as written, in lower case}`` of ``text``: letters only (numbers
    are never corrected), no stop words, no stray letters."""
    words = {}
    for part in _PART_RE.findall(normalise_apostrophes(text or "")):
        form = part.lower()
        folded = fold(form)
        if _is_word(folded):
            words.setdefault(folded, form)
    return words


def refresh():
    """Add the words of the public documents written since the last refresh."""
    since = SearchWord.objects.aggregate(latest=Max("seen_at"))["latest"]
    documents = SearchDocument.objects.filter(audience=PUBLIC).order_by("updated_at", "pk")
    if since is not None:
        # ``>=``: a document written in the same instant as the last one read is read again.
        documents = documents.filter(updated_at__gte=since)
    batch, words, seen_at = 0, {}, None
    for title, body, updated_at in documents.values_list("title", "body", "updated_at").iterator(
        chunk_size=BATCH
    ):
        for folded, form in words_of(f"{title} {body}").items():
            words.setdefault(folded, form)
        seen_at, batch = updated_at, batch + 1
        if batch == BATCH:
            _store(words, seen_at)
            batch, words = 0, {}
    if words:
        _store(words, seen_at)


def _store(words, seen_at):
    SearchWord.objects.bulk_create(
        [SearchWord(word=word, form=form, seen_at=seen_at) for word, form in words.items()],
        update_conflicts=True,
        unique_fields=["word"],
        update_fields=["seen_at"],
    )


def reset():
    """Forget the vocabulary: the next correction reads every public document again."""
    SearchWord.objects.all().delete()


def edit_distance(a, b, limit):
    """Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one
    substring), or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_edits(word):
    return 1 if len(word) <= 5 else 2


def _candidates(word):
    """``[(word, form)]`` near ``word``: same first letter, a length within the edits allowed."""
    limit = allowed_edits(word)
    connection = connections[router.db_for_read(SearchWord)]
    if connection.vendor == "postgresql":
        table = SearchWord._meta.db_table
        with connection.cursor() as cursor:
            # ``%`` (similarity above pg_trgm's threshold, 0.3) is what the trigram index
            # answers; the edit distance then chooses among the most similar.
            cursor.execute(
                f"SELECT word, form FROM {table} WHERE word %% %s AND word LIKE %s "
                "ORDER BY similarity(word, %s) DESC, word LIMIT %s",
                [word, word[0] + "%", word, TRIGRAM_CANDIDATES],
            )
            return cursor.fetchall()
    return list(
        SearchWord.objects.annotate(length=Length("word"))
        .filter(
            word__startswith=word[0],
            length__gte=len(word) - limit,
            length__lte=len(word) + limit,
        )
        .values_list("word", "form")
    )


def closest(word):
    """The form of the known word closest to the folded ``word``, or ``None``."""
    limit = allowed_edits(word)
    best = None
    for candidate, form in _candidates(word):
        distance = edit_distance(word, candidate, limit)
        if distance > limit:
            continue
        key = (distance, abs(len(candidate) - len(word)), candidate)
        if best is None or key < best[0]:
            best = (key, form)
    return best[1] if best else None


def correct(text):
    """``text`` with each unknown word replaced by the closest known one, or ``None`` when
    nothing is unknown or nothing close is known."""
    refresh()
    parts = [
        (match, fold(match.group(0).lower()))
        for token in TOKEN_RE.finditer(normalise_apostrophes(text or ""))
        for match in _PART_RE.finditer(token.group(0))
    ]
    candidates = {folded for _match, folded in parts if _is_word(folded)}
    if not candidates:
        return None
    known = set(SearchWord.objects.filter(word__in=candidates).values_list("word", flat=True))
    replacements = {}
    for folded in sorted(candidates - known):
        form = closest(folded)
        if form is not None:
            replacements[folded] = form
    if not replacements:
        return None
    text = normalise_apostrophes(text)
    pieces, position = [], 0
    for token in TOKEN_RE.finditer(text):
        for match in _PART_RE.finditer(token.group(0)):
            start = token.start() + match.start()
            replacement = replacements.get(fold(match.group(0).lower()))
            if replacement is not None:
                pieces.append(text[position:start] + replacement)
                position = start + len(match.group(0))
    pieces.append(text[position:])
    return "".join(pieces)
