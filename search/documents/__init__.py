"""Document builders: from a source object to what its search document says, and who may read it.

One module per source family (``pages``, ``forum``, ``files``), each registering a
``DocumentBuilder`` for its model(s). A builder answers three questions:

- ``build(obj)``: the ``DocumentData`` of the object, or ``None`` when it must not be
  searchable at all (draft, unpublished, hidden, private collection…): the sync then deletes
  its document. *This is where visibility is decided*; the engines only filter on audience.
- ``queryset()``: every candidate object, for ``search_rebuild`` (streamed by primary key).
- ``build_many(objs)``: the same for a chunk of objects, ``[(obj, data or None)]``; builders
  override it to read what ``build`` needs for the whole chunk in a few queries (the rebuild
  and the outbox processing call it, never ``build`` in a loop of per-row queries).
- ``connect()``: the signal handlers that record changes in the outbox.
"""

import re

from django.apps import apps
from django.utils.html import strip_tags

_REGISTRY = {}


class DocumentBuilder:
    #: ``app_label.ModelName`` of the source model (resolved lazily: apps may be absent).
    model_label = None

    @property
    def model(self):
        return apps.get_model(self.model_label)

    def queryset(self):
        return self.model._default_manager.all()

    def build(self, obj):
        raise NotImplementedError

    def build_many(self, objs):
        return [(obj, self.build(obj)) for obj in objs]

    def connect(self):
        """Connect the signal handlers that record this family's changes."""


def register(builder):
    _REGISTRY[builder.model_label.lower()] = builder
    return builder


def builders():
    return list(_REGISTRY.values())


def builder_for_model(model):
    """The builder of ``model`` or of its nearest registered parent (specific page types
    share the generic page builder)."""
    for candidate in [model, *model._meta.get_parent_list()]:
        builder = _REGISTRY.get(candidate._meta.label_lower)
        if builder is not None:
            return builder
    return None


# Tags that end a line or a cell where they stand: removing them must leave a space, or the
# words on either side are glued (« 05 61 00 00</p><p>Courriel » gave « 00Courriel »).
_BREAKING_TAG_RE = re.compile(
    r"<(?:/?(?:p|div|li|ul|ol|h[1-6]|blockquote|tr|td|th|table|section|article|dd|dt)\b"
    r"|br\b|hr\b)[^>]*>",
    re.IGNORECASE,
)


def plain_text(*parts):
    """Text of HTML fragments and plain strings, tags removed, whitespace collapsed; the
    words of two paragraphs, cells or list items stay apart."""
    text = " ".join(strip_tags(_BREAKING_TAG_RE.sub(" ", str(part))) for part in parts if part)
    return " ".join(text.split())


def load_builders():
    """Import the builder modules (called once apps are ready)."""
    from . import files, forum, pages  # noqa: F401
