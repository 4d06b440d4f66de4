"""The JSON search API: ``/api/search/`` and ``/api/search/suggest/``.

A thin layer over ``search.service``, the same service the HTML page at ``/recherche/`` calls:
the API validates nothing and filters nothing itself, so both answer with the same rules.
"""
