"""Wagtail pages, through the generic Page API only (no import of cms page classes).

Rules:
- only live pages with a URL are searchable (drafts, unpublished and expired pages are not);
- whether a page is public, and which restrictions it sits under, is ``cms.visibility``'s
  answer, the one the API, the feeds and the sitemap obey;
- a live page is found only between its ``go_live_at`` and its ``expire_at``: both are stored
  on its document and checked by every search (``search.models.readable_now``), since
  ``publish_scheduled`` unpublishes an expired page only when it next runs;
- the root and listing pages (index pages that only list other pages) are left out;
- a page under view restrictions (its own or its ancestors': password, groups or login) has
  the audience of its restricted section (``search.models.restricted_audience``): found by
  those whom all the restrictions let in (a password lets nobody in advance), and by the
  editors who may see it in the Wagtail admin (``cms.permissions``); an alias whose source
  carries restrictions its own path does not is left out (no section names them);
- kind from the page type; themes and territories when the page type has them.

``build_many`` reads a chunk of pages in a few queries: specific pages (one query per page
type, from ``queryset()``), themes and territories from their relation tables (one query per
page type and taxonomy), the paths of the view restrictions once (a page is restricted when a
restriction sits on it or an ancestor, i.e. on a prefix of its tree path).
"""

import datetime
from collections import defaultdict

from django.core.exceptions import FieldDoesNotExist
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail import blocks
from wagtail.blocks.field_block import BaseChoiceBlock
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.visibility import AliasRestricted, Restrictions
from search.indexing import DocumentData
from search.models import PUBLIC, Kind, restricted_audience

from . import DocumentBuilder, plain_text, register

KIND_BY_PAGE_TYPE = {
    "newspage": Kind.NEWS,
    "briefpage": Kind.BRIEF,
    "dossierpage": Kind.DOSSIER,
    "presspanoramapage": Kind.PANORAMA,
    "publicationpage": Kind.PUBLICATION,
    "eventpage": Kind.EVENT,
    "newsletterissuepage": Kind.NEWSLETTER,
}
DATE_ATTRIBUTES = ("date", "start")
LISTING_BASE = "ListingIndexPage"


def _is_listing(page):
    return any(base.__name__ == LISTING_BASE for base in type(page).__mro__) or (page.depth <= 2)


def block_text(block, value):
    """The text of a StreamField value, as Wagtail's ``get_searchable_content`` gives it but
    without the labels of choices: a heading's level is a setting, and its label (« Titre de
    section (h2) ») was indexed on every page with a heading and showed in snippets."""
    if value is None or not getattr(block, "search_index", True):
        return []
    if isinstance(block, BaseChoiceBlock):  # ChoiceBlock, MultipleChoiceBlock
        return []
    if isinstance(block, blocks.StreamBlock):
        return [text for child in value for text in block_text(child.block, child.value)]
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in block_text(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    return block.get_searchable_content(value)


def _body_text(page):
    """Every indexed text field of the page type except the title (intro, body blocks…)."""
    from modelsearch.index import SearchField

    parts = [page.search_description]
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name not in (
            "title",
            "search_description",
        ):
            model_field = _model_field(page, field.field_name)
            if isinstance(model_field, StreamField):
                value = block_text(model_field.stream_block, getattr(page, field.field_name))
            else:
                value = field.get_value(page)
            parts.extend(value if isinstance(value, (list, tuple)) else [value])
    return plain_text(*parts)


def _model_field(page, name):
    try:
        return type(page)._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _date(page):
    for attribute in DATE_ATTRIBUTES:
        value = getattr(page, attribute, None)
        if isinstance(value, datetime.datetime):
            return value
        if isinstance(value, datetime.date):
            return timezone.make_aware(datetime.datetime.combine(value, datetime.time(12)))
    return page.first_published_at or page.last_published_at


TAXONOMIES = ("themes", "territories")


def _taxonomy_labels(pages):
    """``{(page id, "themes"): [(slug, name)]}`` for many pages: one query per page type and
    taxonomy on the relation table (no model instances, no per-page querysets)."""
    by_type = defaultdict(list)
    for page in pages:
        by_type[type(page)].append(page.pk)
    labels = defaultdict(list)
    for page_type, ids in by_type.items():
        for attribute in TAXONOMIES:
            try:
                field = page_type._meta.get_field(attribute)
            except FieldDoesNotExist:
                continue
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = field.remote_field.through.objects.filter(**{f"{source}__in": ids})
            # In the order ``page.themes.all()`` gives (the taxonomy's own ordering).
            ordering = [
                f"-{target}__{name[1:]}" if name.startswith("-") else f"{target}__{name}"
                for name in field.related_model._meta.ordering
            ]
            values = rows.order_by(*ordering, "pk").values_list(
                f"{source}_id", f"{target}__slug", f"{target}__name"
            )
            for page_id, slug, name in values:
                labels[(page_id, attribute)].append((slug, name))
    return labels


class PageBuilder(DocumentBuilder):
    model_label = "wagtailcore.Page"

    def queryset(self):
        # Specific pages straight away: one query per page type for a whole chunk.
        return Page.objects.live().specific()

    def build(self, page):
        page = page.specific
        return self._build(page, Restrictions(), _taxonomy_labels([page]))

    def build_many(self, pages):
        pages = [page.specific for page in pages]
        restrictions, labels = Restrictions(), _taxonomy_labels(pages)
        return [(page, self._build(page, restrictions, labels)) for page in pages]

    def _build(self, page, restrictions, labels):
        if not page.live or page.expired or _is_listing(page):
            return None
        # Indexed before its go_live_at, as cms.visibility.published_q has it: searches apply
        # both dates when they run (readable_now); past its expire_at no search would show it.
        if page.expire_at is not None and page.expire_at <= timezone.now():
            return None
        try:
            section = restrictions.section_of(page)
        except AliasRestricted:
            return None
        url = page.get_url()
        if not url:
            return None
        return DocumentData(
            kind=KIND_BY_PAGE_TYPE.get(type(page).__name__.lower(), Kind.PAGE),
            title=page.title,
            body=_body_text(page),
            url=url,
            audience=PUBLIC if section is None else restricted_audience(page.path, section),
            date=_date(page),
            visible_from=page.go_live_at,
            visible_until=page.expire_at,
            themes=labels.get((page.pk, "themes"), []),
            territories=labels.get((page.pk, "territories"), []),
        )

    def connect(self):
        from search import sync

        def page_changed(sender, instance, **kwargs):
            sync.record(instance, with_descendants=False)

        def subtree_changed(sender, instance, **kwargs):
            # Moves change URLs, restrictions apply to whole subtrees.
            page = getattr(instance, "page", instance)
            sync.record_pages(page.get_descendants(inclusive=True))

        page_published.connect(page_changed, dispatch_uid="search_page_published", weak=False)
        page_unpublished.connect(page_changed, dispatch_uid="search_page_unpublished", weak=False)
        post_page_move.connect(subtree_changed, dispatch_uid="search_page_moved", weak=False)
        for model in (PageViewRestriction,):
            post_save.connect(
                subtree_changed, sender=model, dispatch_uid="search_restriction_saved", weak=False
            )
            post_delete.connect(
                subtree_changed, sender=model, dispatch_uid="search_restriction_deleted", weak=False
            )

        def page_deleted(sender, instance, **kwargs):
            sync.record(instance, deleted=True)

        post_delete.connect(
            page_deleted, sender=Page, dispatch_uid="search_page_deleted", weak=False
        )


register(PageBuilder())
