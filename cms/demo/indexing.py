"""Index the demo's objects once, at the end of seeding, instead of at every save.

Creating and publishing a page saves it three times (add_child, save_revision, publish), and each
save enqueues a search-index task (modelsearch) and a reference-index task (Wagtail's "usage"
counts). With the immediate task backend of the embedded demo that tripled the seeding time.
Inside `deferred_indexing()` those per-save handlers are off; on leaving the block without an
error, every object saved in it is indexed once, with the same functions the handlers call.
"""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch import index as search_index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def deferred_indexing():
    saved: dict[tuple[type, object], None] = {}
    indexed_models = set(search_index.get_indexed_models())

    def record(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            saved[(type(instance), instance.pk)] = None

    post_save.connect(record, weak=False, dispatch_uid="cms-demo-deferred-indexing")
    muted = [
        model
        for model in indexed_models
        if post_save.disconnect(post_save_signal_handler, sender=model)
    ]
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid="cms-demo-deferred-indexing")
        for model in muted:
            post_save.connect(post_save_signal_handler, sender=model)
    for model, pk in saved:
        in_search = model in indexed_models
        in_references = ReferenceIndex.is_indexed(model)
        if not (in_search or in_references):
            continue
        instance = model._default_manager.filter(pk=pk).first()
        if instance is None:
            continue
        if in_references:
            ReferenceIndex.create_or_update_for_object(instance)
        if in_search:
            search_index.insert_or_update_object(instance)
