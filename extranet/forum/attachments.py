"""Files attached while writing a post: they become documents of the space, and the post
links them.

What must hold:
- an attachment *is* a shared document: it goes through ``documents.services.upload_document``
  and so gets every check of the library (who may deposit, size, type and content, a full or
  read-only disk), in the space's « Pièces jointes » folder (created at the library's root the
  first time, shared by every attachment of the space);
- several files are all kept or none: if one is refused, those already stored are deleted
  again and the member is told why (French ``ValidationError`` on ``attachments``); a folder
  created for them goes too when it is still empty (a library never shows an empty
  « Pièces jointes » that no one made);
- the post links them with a line per file at the end of its text, written in the post's
  format (Markdown or HTML), to the document's download address: members of the space reach
  it, anyone else gets the library's 404.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.html import escape

from extranet.documents import permissions as document_permissions
from extranet.documents import services as document_services
from extranet.documents.models import Document, Folder

from .models import BodyFormat

FOLDER_NAME = "Pièces jointes"
MAX_FILES = 5
TOO_MANY = f"Joignez au plus {MAX_FILES} fichiers à un message."
NOT_IN_SPACE = "Pièce jointe introuvable dans cet espace."
# Characters of a file name that Markdown would read as syntax inside a link's text.
_MARKDOWN_SPECIAL = str.maketrans({c: "\\" + c for c in "\\[]*_`<>!|~"})


def attachments_folder(space, by) -> tuple[Folder, bool]:
    """The space's « Pièces jointes » folder at the library's root and whether this call
    created it (created when first used, by whoever attaches first; a concurrent creation is
    read back, not an error)."""
    folder = Folder.objects.filter(space=space, parent=None, name=FOLDER_NAME).first()
    if folder is not None:
        return folder, False
    try:
        with transaction.atomic():
            return Folder.objects.create(space=space, name=FOLDER_NAME, created_by=by), True
    except IntegrityError:
        return Folder.objects.get(space=space, parent=None, name=FOLDER_NAME), False


def _remove_if_empty(folder) -> None:
    """Delete ``folder`` unless something landed in it meanwhile (another member's
    attachment, a sub-folder): the test is in the DELETE's own filter, so a document filed
    there concurrently keeps its folder."""
    Folder.objects.filter(pk=folder.pk, documents__isnull=True, children__isnull=True).delete()


def attach_files(space, by, files) -> list[Document]:
    """Deposit ``files`` as documents of ``space`` (its attachments folder); all or none.

    Raises what the library raises: ``PermissionDenied``/``Http404`` (who may deposit),
    ``ValidationError`` under ``attachments`` (the file refused, named), ``StorageUnavailable``.
    """
    return _attach(space, by, files)[0]


def _attach(space, by, files) -> tuple[list[Document], Folder | None]:
    """``attach_files``, and the folder when this call created it (to remove it again if the
    post is not published after all)."""
    files = [file for file in files if file is not None]
    if not files:
        return [], None
    if len(files) > MAX_FILES:
        raise ValidationError({"attachments": TOO_MANY})
    document_permissions.check_upload_document(by, space)
    folder, created = attachments_folder(space, by)
    documents = []
    try:
        for file in files:
            try:
                documents.append(document_services.upload_document(space, by, file, folder=folder))
            except ValidationError as error:
                reasons = error.message_dict.get("file", error.messages)
                name = getattr(file, "name", "") or "fichier"
                raise ValidationError(
                    {"attachments": [f"« {name} » : {reason}" for reason in reasons]}
                ) from error
    except Exception:
        discard(documents, folder if created else None)
        raise
    return documents, folder if created else None


def discard(documents, created_folder=None) -> None:
    """Delete attachments stored for a post that was not published, and ``created_folder``
    (the attachments folder made for them) if it is still empty. Their files go now, not
    on commit (``documents.signals``): inside a transaction that is about to roll back, the
    rows vanish with it but a file would stay on the disk, owned by nothing."""
    rows_too = _rows_writable()
    for document in documents:
        version = document.current_version
        if version is not None:
            version.file.storage.delete(version.file.name)
        if rows_too:
            Document.objects.filter(pk=document.pk).delete()
    if created_folder is not None and rows_too:
        _remove_if_empty(created_folder)


def _rows_writable() -> bool:
    """False inside a transaction already doomed (a database error inside it): it takes the
    rows back by itself and refuses any further query, only files are ours to remove then."""
    connection = transaction.get_connection()
    return not (connection.in_atomic_block and connection.get_rollback())


def publish_with_attachments(space, by, files, body, write, format=BodyFormat.MARKDOWN):
    """Store ``files`` (``attach_files``), then ``write(body with their links)``, which
    publishes the post and returns what the caller wants; if it fails, the attachments are
    discarded and the error goes on. With no file, ``write(body)``."""
    documents, created_folder = _attach(space, by, files)
    try:
        return write(with_links(body, documents, format))
    except BaseException:
        discard(documents, created_folder)
        raise


def space_attachments(user, space, ids) -> list[Document]:
    """The documents ``ids`` of ``space`` that ``user`` sees, in the order given, for a post
    that refers to attachments uploaded before it (the API). Any other id is refused."""
    ids = list(dict.fromkeys(ids))
    if len(ids) > MAX_FILES:
        raise ValidationError({"attachments": TOO_MANY})
    found = document_permissions.filter_documents_queryset(
        user, Document.objects.filter(space=space, pk__in=ids)
    ).select_related("current_version")
    by_pk = {document.pk: document for document in found}
    missing = [pk for pk in ids if pk not in by_pk]
    if missing:
        raise ValidationError({"attachments": [f"{NOT_IN_SPACE} (n° {pk})" for pk in missing]})
    for document in by_pk.values():
        document.space = space
    return [by_pk[pk] for pk in ids]


def _label(document) -> str:
    version = document.current_version
    if version is None:
        return document.title
    return f"{version.original_name} ({filesizeformat(version.size)})"


def link(document, format=BodyFormat.MARKDOWN) -> str:
    """One attachment's link, in ``format``: « 📎 name (size) » to its download address."""
    url = document.get_absolute_url()
    label = _label(document)
    if format == BodyFormat.HTML:
        return f'<a href="{escape(url)}">📎 {escape(label)}</a>'
    return f"[📎 {label.translate(_MARKDOWN_SPECIAL)}]({url})"


def with_links(body, documents, format=BodyFormat.MARKDOWN) -> str:
    """``body`` followed by a paragraph per attachment (none: ``body`` unchanged)."""
    if not documents:
        return body
    if format == BodyFormat.HTML:
        links = "".join(f"<p>{link(document, format)}</p>" for document in documents)
        return f"{body}\n{links}"
    links = "\n\n".join(link(document, format) for document in documents)
    return f"{body.rstrip()}\n\n{links}"
