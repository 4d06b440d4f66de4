"""StreamField blocks, one module per family, assembled in ``body.py``.

- ``choosers``: image, document, page and rich-text blocks whose API representation is
  resolved (renditions, serve-view URLs, live-only links, expanded rich text);
- ``text``: paragraph, heading, quote, table;
- ``media``: image with caption and credit, embed, document link;
- ``layout``: accordion, call to action, key figures, testimonial, related pages;
- ``resources``: the curated resources of a dossier;
- ``body``: ``BodyStreamBlock``, the one body every page type uses.
"""

from .body import BodyStreamBlock
from .resources import ResourcesStreamBlock

__all__ = ["BodyStreamBlock", "ResourcesStreamBlock"]
