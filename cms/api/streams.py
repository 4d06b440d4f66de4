"""Prepare a StreamField value for the API: bulk-load what its blocks link to, redact the rest.

Serialising a body block by block would cost queries per block (renditions per image, one
lookup per rich-text link) and would link whatever the editor chose, even a page that has
since been restricted or a document moved into a private collection. Before the blocks'
``get_api_representation`` runs, ``prepare_stream`` walks the value once and:

- prefetches the portal's renditions of every image in one query;
- replaces private documents and non-public pages chosen in blocks by ``None`` (blocks
  already render ``None`` as "nothing to link");
- expands rich-text links (``<a linktype="page|document" id="…">``) itself, with one query
  per kind for the whole value (the linked pages are read with the chooser blocks' pages,
  in the same visibility query): a public target becomes ``<a href="…">``, a private or
  missing one becomes ``<a>`` (text kept, link dropped — what Wagtail does for a missing
  target). ``expand_db_html`` then has nothing left to look up.

The value is changed in memory only: it belongs to a page object loaded for this request.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.utils.html import escape
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text.rewriters import FIND_A_TAG, extract_attrs

from cms.representations import RENDITION_FILTER_SPECS

from . import visibility


@dataclass
class Leaf:
    block: blocks.Block
    value: Any
    replace: Callable[[Any], None]


def _walk(block, value, replace):
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from _walk(child.block, child.value, partial(setattr, child, "value"))
    elif isinstance(block, blocks.ListBlock):
        children = getattr(value, "bound_blocks", None)
        if children is not None:
            for child in children:
                yield from _walk(block.child_block, child.value, partial(setattr, child, "value"))
        else:
            for index, item in enumerate(value):
                yield from _walk(block.child_block, item, partial(value.__setitem__, index))
    elif isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        for name, child_block in block.child_blocks.items():
            yield from _walk(child_block, value.get(name), partial(value.__setitem__, name))
    else:
        yield Leaf(block, value, replace)


def leaves(stream_value):
    """Every leaf block value of a StreamField value, with a way to replace it."""
    return list(_walk(stream_value.stream_block, stream_value, lambda new: None))


def prefetch_renditions(images):
    """Attach the portal's existing renditions to each image (one query for all)."""
    images = [image for image in images if image is not None]
    if not images:
        return
    rendition_model = get_image_model().get_rendition_model()
    by_image = defaultdict(list)
    for rendition in rendition_model.objects.filter(
        image_id__in={image.pk for image in images}, filter_spec__in=RENDITION_FILTER_SPECS
    ):
        by_image[rendition.image_id].append(rendition)
    for image in images:
        # Wagtail's get_renditions() reads this list before querying, and appends the
        # renditions it has to create to it.
        image.prefetched_renditions = list(by_image[image.pk])


LINK_TYPES = ("page", "document")


def _rich_text_links(sources):
    ids = defaultdict(set)
    for source in sources:
        for match in FIND_A_TAG.finditer(source):
            attrs = extract_attrs(match.group(1))
            if attrs.get("linktype") in LINK_TYPES and attrs.get("id", "").isdigit():
                ids[attrs["linktype"]].add(int(attrs["id"]))
    return ids


def _link_targets(ids, request, seen, loaded_documents, public_pages):
    """linktype → {id: href} for the targets the API may link to.

    ``public_pages``: the public pages among those linked, already read (with the chooser
    blocks' pages, in one query). Documents already loaded by the streams' chooser blocks
    are reused, not read again.
    """
    hrefs = {"page": {}, "document": {}}
    for pk in ids.get("page", ()):
        page = public_pages.get(pk)
        url = page.get_url(request=request) if page is not None else None
        if url:
            hrefs["page"][pk] = url
    if ids.get("document"):
        documents = {pk: loaded_documents[pk] for pk in ids["document"] if pk in loaded_documents}
        missing = ids["document"] - documents.keys()
        if missing:
            documents.update(get_document_model().objects.in_bulk(missing))
        for document in documents.values():
            if seen.is_public_document(document):
                hrefs["document"][document.pk] = document.url
    return hrefs


def _expand_links(source, hrefs):
    def replace(match):
        attrs = extract_attrs(match.group(1))
        linktype = attrs.get("linktype")
        if linktype not in LINK_TYPES:
            return match.group(0)
        href = hrefs[linktype].get(int(attrs["id"])) if attrs.get("id", "").isdigit() else None
        return f'<a href="{escape(href)}">' if href else "<a>"

    return FIND_A_TAG.sub(replace, source)


def prepare_stream(stream_value, request=None):
    """Bulk-load and redact ``stream_value`` in place (see the module docstring)."""
    prepare_streams([stream_value], request=request)
    return stream_value


def prepare_streams(stream_values, request=None):
    """Prepare several StreamField values of one page together (a dossier's body and
    resources): one visibility check for all chosen pages, one rendition query for all
    images, rich-text document links resolved from the documents the choosers loaded."""
    found = [leaf for value in stream_values if value for leaf in leaves(value)]
    if not found:
        return
    images = [leaf.value for leaf in found if isinstance(leaf.block, ImageChooserBlock)]
    documents = [leaf for leaf in found if isinstance(leaf.block, DocumentChooserBlock)]
    pages = [leaf for leaf in found if isinstance(leaf.block, blocks.PageChooserBlock)]
    texts = [
        leaf
        for leaf in found
        if isinstance(leaf.block, blocks.RichTextBlock) and getattr(leaf.value, "source", "")
    ]

    prefetch_renditions(images)

    seen = visibility.for_request(request)
    link_ids = _rich_text_links(leaf.value.source for leaf in texts)
    loaded_documents = {leaf.value.pk: leaf.value for leaf in documents if leaf.value is not None}
    for leaf in documents:
        if leaf.value is not None and not seen.is_public_document(leaf.value):
            leaf.replace(None)

    # The chooser blocks' pages and the rich-text links' targets: one visibility query.
    chosen = {leaf.value.pk for leaf in pages if leaf.value is not None}
    public_pages = seen.public_pages(chosen | link_ids.get("page", set()))
    for leaf in pages:
        if leaf.value is not None and leaf.value.pk not in public_pages:
            leaf.replace(None)

    if link_ids:
        hrefs = _link_targets(link_ids, request, seen, loaded_documents, public_pages)
        for leaf in texts:
            leaf.value.source = _expand_links(leaf.value.source, hrefs)
