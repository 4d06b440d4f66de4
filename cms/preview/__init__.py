"""Headless preview: editors preview drafts in the decoupled front end.

- ``conf``: is an external front configured (``HEADLESS_PREVIEW_CLIENT_URLS``), token age;
- ``tokens``: preview tokens — signed, expiring, each bound to one snapshot of one revision;
- ``mixins``: ``PortalHeadlessPreviewMixin``, applied to every page type through ``BasePage``;
- ``api``: ``/api/v2/page_preview/?content_type=…&token=…``, the draft's API representation;
- ``views`` and ``wagtail_hooks``: the "Aperçu sur le site public" link in the page header.

Without an external front, previews render with the built-in templates, as Wagtail does.
"""
