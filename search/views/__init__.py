"""The HTML search page (``/recherche/``). The JSON API lives in ``search.api``."""
