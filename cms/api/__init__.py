"""The headless read API (Wagtail API v2 at ``/api/v2/``): pages, images, documents.

- ``visibility``: what an API caller may see (live, public pages; documents outside
  restricted collections) — every endpoint and serialiser asks it;
- ``fields``: serialiser fields and the ``APIField`` lists page types declare in ``api_fields``;
- ``streams``: prepares a StreamField value for serialisation (bulk prefetch, redaction);
- ``filters``: ``theme``, ``territory``, ``year``, ``date_from``/``date_to``, ``upcoming`` and
  validated field filters;
- ``pagination``, ``errors``, ``serializers``, ``endpoints``, ``router``, ``urls``.

The API is public and anonymous by design: answers never depend on a session, so private
content cannot leak through a shared cache or a browser holding an editor's cookie.
"""
