"""French stemming for the database backends: Snowball French (the algorithm PostgreSQL's
``french_stem`` and Elasticsearch's ``french`` stemmer also implement), on folded words."""

from functools import lru_cache

import snowballstemmer

_stemmer = snowballstemmer.stemmer("french")


@lru_cache(maxsize=200_000)
def stem(word):
    """Stem a folded, lower-case word. Cached: vocabularies are small, texts are not.

    Snowball leaves some plurals alone (``elus`` but ``elue`` → ``elu``); dropping a final
    ``s`` afterwards makes ``élus`` meet ``élu``. Both sides of a match go through the same
    steps, so this only ever merges, never separates.
    """
    if word.isdigit():
        return word
    stemmed = _stemmer.stemWord(word)
    if len(stemmed) > 3 and stemmed.endswith("s"):
        stemmed = stemmed[:-1]
    return stemmed
