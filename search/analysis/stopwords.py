"""French function words dropped by the database analysis (PostgreSQL's French configuration
drops them too). Kept short on purpose: a stop word is a word nobody can search for, so
nothing here may be an abbreviation of the field (PRE, VRL, FLE…)."""

STOPWORDS = frozenset(
    [
        # articles, prepositions, conjunctions
        "a", "à", "au", "aux", "avec", "dans", "de", "des", "du", "en", "et", "la", "le",
        "les", "mais", "ou", "où", "par", "pour", "sur", "un", "une",
        # pronouns and determiners
        "c", "ce", "ces", "cet", "cette", "d", "elle", "eux", "il", "ils", "j", "je", "l",
        "leur", "leurs", "lui", "m", "ma", "me", "mes", "moi", "mon", "n", "ne", "nos",
        "notre", "nous", "on", "qu", "que", "qui", "s", "sa", "se", "ses", "son", "t", "ta",
        "te", "tes", "toi", "ton", "tu", "vos", "votre", "vous", "y",
        # auxiliaries, elided conjunctions
        "ai", "est", "été", "être", "ont", "pas", "sont", "jusqu", "lorsqu", "presqu",
        "puisqu", "quelqu", "quoiqu",
    ]
)  # fmt: skip
