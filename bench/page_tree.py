"""Load thousands of live pages into Wagtail's tree quickly, for benchmarks only.

``parent.add_child(instance=page)`` then a revision and a publish cost a dozen queries and
several signal handlers per page: 10,000 pages take many minutes. The benchmarks need the
*rows* of a big site, not its history, so ``bulk_add_children`` writes what treebeard and
Wagtail would have written for a live page, in a few statements per thousand pages:

- treebeard's materialised path: each child gets the next path step under its parent
  (``Page._get_path``, exactly what ``add_child`` computes), ``depth`` and ``numchild``;
- Wagtail's fields: ``url_path``, ``draft_title``, ``locale`` (the parent's), ``content_type``
  of the specific class, ``live``, publication dates, a fresh ``translation_key``;
- rows: ``Page`` rows with ``bulk_create``, then the specific table's rows with the same
  multi-row ``INSERT`` ``bulk_create`` uses per table (``QuerySet._insert``; ``bulk_create``
  itself refuses multi-table inheritance only because it cannot get parent keys back on every
  database — PostgreSQL and SQLite do return them);
- many-to-many rows (themes, territories) with ``bulk_create`` on the through model.

What it skips on purpose: revisions, log entries, the reference and search indexes and every
signal (``page_published``…), none of which the API listing or detail reads. The loaded tree
is checked against treebeard's invariants (``check_tree``).
"""

from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

BATCH_SIZE = 500


def _base_fields():
    return [field for field in Page._meta.concrete_fields if not field.primary_key]


@transaction.atomic
def bulk_add_children(parent, pages, *, relations=None, batch_size=BATCH_SIZE):
    """Add ``pages`` (unsaved instances of one page class) as the last live children of
    ``parent``; returns them saved (with primary keys).

    ``relations`` maps a many-to-many field name to one list of related ids per page, e.g.
    ``{"themes": [[1, 2], [3], …]}``, in the order of ``pages``.
    """
    if not pages:
        return []
    model = type(pages[0])
    if any(type(page) is not model for page in pages):
        raise ValueError("bulk_add_children: one page class per call.")
    # Lock the parent: its numchild and last child decide the new paths.
    parent = Page.objects.select_for_update().get(pk=parent.pk)
    last_child = parent.get_last_child()
    position = Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    depth = parent.depth + 1
    for page in pages:
        position += 1
        page.path = Page._get_path(parent.path, depth, position)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.draft_title or page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or page.first_published_at

    fields = _base_fields()
    rows = [
        Page(**{field.attname: getattr(page, field.attname) for field in fields}) for page in pages
    ]
    Page.objects.bulk_create(rows, batch_size=batch_size)
    for page, row in zip(pages, rows, strict=True):
        page.pk = row.pk
        page.id = row.pk
        page._state.adding = False
        page._state.db = row._state.db

    local_fields = list(model._meta.local_concrete_fields)
    manager = model._base_manager
    for start in range(0, len(pages), batch_size):
        manager._insert(pages[start : start + batch_size], fields=local_fields)

    for name, ids_per_page in (relations or {}).items():
        relation = model._meta.get_field(name)
        through = relation.remote_field.through
        source = f"{relation.m2m_field_name()}_id"
        target = f"{relation.m2m_reverse_field_name()}_id"
        links = [
            through(**{source: page.pk, target: related_id})
            for page, related_ids in zip(pages, ids_per_page, strict=True)
            for related_id in related_ids
        ]
        through.objects.bulk_create(links, batch_size=batch_size * 4)

    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def check_tree():
    """Raise ``RuntimeError`` unless the page tree obeys treebeard's invariants.

    The checks of ``Page.find_problems()`` (alphabet, step length, orphans, depth, numchild),
    made in Python over one query: ``find_problems`` runs two queries per page.
    """
    rows = list(Page.objects.values_list("pk", "path", "depth", "numchild"))
    paths = {path for _pk, path, _depth, _numchild in rows}
    children = Counter(path[: -Page.steplen] for _pk, path, _depth, _numchild in rows)
    alphabet = set(Page.alphabet)
    problems = {}
    for pk, path, depth, numchild in rows:
        if not set(path) <= alphabet:
            problem = "evil_chars"
        elif len(path) % Page.steplen:
            problem = "bad_steplen"
        elif depth > 1 and path[: -Page.steplen] not in paths:
            problem = "orphans"
        elif depth != len(path) // Page.steplen:
            problem = "wrong_depth"
        elif numchild != children.get(path, 0):
            problem = "wrong_numchild"
        else:
            continue
        problems.setdefault(problem, []).append(pk)
    if problems:
        raise RuntimeError(f"Arbre des pages incohérent : {problems}")
    return len(rows)
