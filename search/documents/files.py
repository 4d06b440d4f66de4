"""Shared files: extranet documents (audience ``space:<id>``, with their extracted text) and
Wagtail documents (public, unless their collection is view-restricted: then not searchable)."""

from django.db.models.signals import post_delete, post_save

from search.indexing import DocumentData
from search.models import PUBLIC, Kind, space_audience

from . import DocumentBuilder, plain_text, register


class SpaceDocumentBuilder(DocumentBuilder):
    model_label = "documents_extranet.Document"

    def queryset(self):
        return self.model._default_manager.select_related("space", "current_version")

    def build(self, document):
        from extranet.documents.extraction import extract_text

        version = document.current_version
        text = extract_text(version) if version else ""
        space = document.space
        return DocumentData(
            kind=Kind.DOCUMENT,
            title=document.title,
            body=plain_text(document.description, text),
            url=document.get_absolute_url(),
            date=document.updated_at,
            audience=space_audience(space.pk),
            space_id=space.pk,
            space_name=space.name,
        )

    def connect(self):
        post_save.connect(_record, sender=self.model, dispatch_uid="search_space_doc_saved")
        post_delete.connect(_record_gone, sender=self.model, dispatch_uid="search_space_doc_gone")


class WagtailDocumentBuilder(DocumentBuilder):
    model_label = "wagtaildocs.Document"

    def queryset(self):
        return self.model._default_manager.select_related("collection")

    def build(self, document):
        return self._build(document, _restricted_collection_paths())

    def build_many(self, documents):
        paths = _restricted_collection_paths()
        return [(document, self._build(document, paths)) for document in documents]

    def _build(self, document, restricted_paths):
        # Private collections stay out of search entirely: their files are served only to
        # those the collection restriction lets in, which audiences cannot express. A
        # restriction applies to its collection and every collection under it (tree paths).
        path = document.collection.path
        if any(path.startswith(restricted) for restricted in restricted_paths):
            return None
        return DocumentData(
            kind=Kind.DOCUMENT,
            title=document.title,
            body="",
            url=document.url,
            date=document.created_at,
            audience=PUBLIC,
        )

    def connect(self):
        from wagtail.models import CollectionViewRestriction

        post_save.connect(_record, sender=self.model, dispatch_uid="search_wagtail_doc_saved")
        post_delete.connect(_record_gone, sender=self.model, dispatch_uid="search_wagtail_doc_gone")
        for signal, uid in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                _record_collection,
                sender=CollectionViewRestriction,
                dispatch_uid=f"search_collection_restriction_{uid}",
            )
        _follow_collection_moves()


def _restricted_collection_paths():
    from wagtail.models import CollectionViewRestriction

    return list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))


def _record(sender, instance, **kwargs):
    from search import sync

    sync.record(instance)


def _record_collection(sender, instance, **kwargs):
    """A collection (and its sub-collections) became private or public again."""
    _record_documents_under(instance.collection)


def _record_documents_under(collection):
    from wagtail.documents import get_document_model

    from search import sync

    collections = collection.get_descendants(inclusive=True)
    documents = get_document_model().objects.filter(collection__in=collections)
    sync.record_many(get_document_model(), documents.values_list("pk", flat=True))


def _follow_collection_moves():
    """Re-record the documents under a collection that moves: under a private collection they
    leave search, out of one they come back. Wagtail sends no signal for it (treebeard's
    ``move`` rewrites the tree paths in SQL, after the admin's edit view has saved the form),
    so ``Collection.move`` is wrapped, once; ``tests/search/test_reindex_on_access_change.py``
    fails if a Wagtail or treebeard upgrade bypasses it."""
    from wagtail.models import Collection

    if getattr(Collection.move, "search_follows", False):
        return
    move = Collection.move

    def move_and_record(self, target, pos=None):
        result = move(self, target, pos)
        # treebeard leaves the moved instance with its former path: read the new one.
        _record_documents_under(Collection.objects.get(pk=self.pk))
        return result

    move_and_record.search_follows = True
    Collection.move = move_and_record


def _record_gone(sender, instance, **kwargs):
    from search import sync

    sync.record(instance, deleted=True)


register(SpaceDocumentBuilder())
register(WagtailDocumentBuilder())
