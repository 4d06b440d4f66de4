"""Demo site built from the seeds (the 2017 and 2023 activity reports of R&T).

`content/` holds the editorial material as plain data (no models, importable anywhere, tested
on its own); `seed.py` turns it into pages, snippets, images and documents, idempotently.
"""
