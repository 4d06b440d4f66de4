"""Signals of every model the registry declares, connected in one place (``connect``, from
``FragmentsConfig.ready``): a save, a deletion (cascades included) or a change of a declared
many-to-many field bumps what ``portal.fragments.registry`` says it must. Writes that send
no signal go through ``portal.fragments.writes``.

When, for each counter (``portal.fragments.counters``):
- a save: after it (``post_save``), the row written; for a source whose rows can move, the
  rows of the former values too (read by ``pre_save``);
- a deletion: before it (``pre_delete``), while the rows it reaches through joins still
  exist; Django deletes inside a transaction of its own, so the bump and the deletion
  commit together;
- a row's own version is bumped by its ``save()`` (``extranet.versions.BumpOnSave``, which
  also keeps a stale instance from writing an old number back), not here.
"""

from collections import defaultdict

from django.apps import apps
from django.db.models.signals import m2m_changed, post_save, pre_delete, pre_save

from .counters import RowVersion, UserEntries
from .registry import wired_sources

_PREVIOUS = "_fragments_previous"


def touches(source, update_fields) -> bool:
    """Whether a write of ``update_fields`` (``None``: every field) matters to ``source``."""
    if source.fields is None or update_fields is None:
        return True
    names = set(update_fields)
    names |= {name.removesuffix("_id") for name in names}
    return bool(source.fields & names)


def skipped_on_creation(source) -> bool:
    return source.rows.attributes == {"pk"}


def bump(sources_and_rows) -> None:
    """Bump each counter once for all its rows: ``(source, rows)`` pairs, where ``rows`` is
    what ``source.rows.of_…`` returned (a ``Q`` for versions, user ids for entries)."""
    versions = defaultdict(list)
    users = defaultdict(set)
    for source, rows in sources_and_rows:
        if isinstance(source.counter, RowVersion):
            versions[source.counter].append(rows)
        elif isinstance(source.counter, UserEntries):
            users[source.counter].update(rows)
    for counter, parts in versions.items():
        combined = parts[0]
        for part in parts[1:]:
            combined |= part
        counter.bump(combined)
    for counter, user_ids in users.items():
        counter.forget(user_ids)


def own_version(source, instance) -> bool:
    """A row's own version, bumped by its ``save()`` (``BumpOnSave``)."""
    return source.rows.is_self and getattr(instance, "bumps_own_version", False)


def _moving(sources, update_fields):
    attributes = set()
    for source in sources:
        if source.moves and touches(source, update_fields):
            attributes |= source.rows.attributes
    return attributes


def _make_receivers(model, sources):
    def before_save(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or instance._state.adding or instance.pk is None:
            return
        attributes = _moving(sources, update_fields)
        if attributes:
            previous = model._base_manager.filter(pk=instance.pk).values(*attributes).first()
            setattr(instance, _PREVIOUS, previous)

    def after_save(sender, instance, created=False, raw=False, update_fields=None, **kwargs):
        if raw:
            return
        previous = instance.__dict__.pop(_PREVIOUS, None)
        pairs = []
        for source in sources:
            if created and skipped_on_creation(source):
                continue
            if own_version(source, instance) or not touches(source, update_fields):
                continue
            pairs.append((source, source.rows.of_instance(instance)))
            if previous and source.moves:
                pairs.append((source, source.rows.of_instance(instance, previous)))
        bump(pairs)

    def before_delete(sender, instance, **kwargs):
        bump(
            (source, source.rows.of_instance(instance))
            for source in sources
            if not source.rows.is_self
        )

    def m2m_changed_receiver(sender, instance, action, reverse=False, **kwargs):
        if action in {"post_add", "post_remove", "post_clear"} and not reverse:
            bump(
                (source, source.rows.of_instance(instance))
                for source in sources
                if not source.rows.is_self
            )

    return before_save, after_save, before_delete, m2m_changed_receiver


def sources_by_model():
    by_model = defaultdict(list)
    for source in wired_sources():
        by_model[apps.get_model(source.model)].append(source)
    return by_model


def connect() -> None:
    """Connect the receivers of every declared model (idempotent: ``dispatch_uid``)."""
    for model, sources in sources_by_model().items():
        uid = f"portal.fragments:{model._meta.label_lower}"
        before_save, after_save, before_delete, changed = _make_receivers(model, sources)
        pre_save.connect(before_save, sender=model, weak=False, dispatch_uid=f"{uid}:pre_save")
        post_save.connect(after_save, sender=model, weak=False, dispatch_uid=f"{uid}:post_save")
        pre_delete.connect(
            before_delete, sender=model, weak=False, dispatch_uid=f"{uid}:pre_delete"
        )
        for m2m in model._meta.many_to_many:
            if any(source.fields and m2m.name in source.fields for source in sources):
                m2m_changed.connect(
                    changed,
                    sender=m2m.remote_field.through,
                    weak=False,
                    dispatch_uid=f"{uid}:{m2m.name}",
                )
