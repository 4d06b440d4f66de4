"""Depositing, replacing and deleting shared documents; managing folders.

Every upload is checked by ``validation.check_upload`` *before* anything is written: a refused
upload stores no file and no row, and says why in French (``ValidationError`` on ``file``).
Files go to the private storage under a random name; rows and file are created together, and
a file whose row could not be saved is removed at once. A disk that refuses the file (full,
read-only) raises ``StorageUnavailable`` with a French message: the storage removed its
partial write (``portal.storage``), the transaction takes the rows back, nothing is left.
"""

import copy
import logging

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404
from django.utils import timezone

from portal.storage import StorageUnavailable

from . import permissions
from .models import Document, DocumentVersion, Folder
from .validation import check_upload

logger = logging.getLogger(__name__)

MAX_TITLE_LENGTH = Document._meta.get_field("title").max_length
MAX_FOLDER_NAME_LENGTH = Folder._meta.get_field("name").max_length
FOLDER_NOT_IN_SPACE = "Ce dossier n'appartient pas à cet espace."


def _checked_file(uploaded_file):
    if uploaded_file is None:
        raise ValidationError({"file": "Choisissez un fichier à déposer."})
    try:
        return check_upload(uploaded_file)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from error


def _clean_title(title, checked):
    title = " ".join(str(title or "").split())
    if not title:
        # Default: the file name without its extension, as members usually name files well.
        title = checked.name.rpartition(".")[0] or checked.name
    return title[:MAX_TITLE_LENGTH]


def upload_document(space, uploader, uploaded_file, *, title="", folder=None, description=""):
    """Deposit a new document (version 1) in ``space``; returns the ``Document``."""
    permissions.check_upload_document(uploader, space)
    if folder is not None and folder.space_id != space.pk:
        raise ValidationError({"folder": FOLDER_NOT_IN_SPACE})
    checked = _checked_file(uploaded_file)
    now = timezone.now()
    with transaction.atomic():
        document = Document.objects.create(
            space=space,
            folder=folder,
            title=_clean_title(title, checked),
            description=str(description or "").strip(),
            uploader=uploader,
            created_at=now,
            updated_at=now,
        )
        version = _store_version(document, checked, uploader, number=1, at=now)
        document.current_version = version
        document.save(update_fields=["current_version"])
    return document


def add_version(document, uploader, uploaded_file) -> DocumentVersion:
    """Replace a document's file: a new version becomes current, earlier ones are kept."""
    permissions.check_replace_document(uploader, document)
    checked = _checked_file(uploaded_file)
    with transaction.atomic():
        # The lock makes version numbers gap-free and unique under concurrent replacements.
        try:
            locked = Document.objects.select_for_update(of=("self",)).get(pk=document.pk)
        except Document.DoesNotExist:
            raise Http404(permissions.DOCUMENT_NOT_FOUND) from None
        number = (locked.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        now = timezone.now()
        version = _store_version(locked, checked, uploader, number=number, at=now)
        Document.objects.filter(pk=locked.pk).update(current_version=version, updated_at=now)
    document.current_version = version
    document.updated_at = now
    return version


def _store_version(document, checked, uploader, *, number, at) -> DocumentVersion:
    version = DocumentVersion(
        document=document,
        number=number,
        original_name=checked.name,
        size=checked.size,
        content_type=checked.content_type,
        sha256=checked.sha256,
        uploaded_by=uploader,
        created_at=at,
    )
    try:
        version.file.save(checked.name, checked.file, save=False)
    except OSError as error:
        # Logged at ERROR (an e-mail and a Sentry report to the team): the disk needs someone.
        logger.error("Dépôt refusé par le stockage des documents : %s", error, exc_info=True)
        raise StorageUnavailable(error) from error
    try:
        version.save()
    except Exception:
        version.file.storage.delete(version.file.name)
        raise
    return version


def move_document(document, by, folder) -> Document:
    """Put ``document`` in ``folder`` (a folder of its space) or at the library's root
    (``None``). Moving is editing: its uploader or the moderators (``check_move_document``).
    The save goes through ``post_save``, so its search document is recorded again."""
    permissions.check_move_document(by, document)
    if folder is not None and folder.space_id != document.space_id:
        raise ValidationError({"folder": FOLDER_NOT_IN_SPACE})
    if document.folder_id == getattr(folder, "pk", None):
        return document
    document.folder = folder
    document.save(update_fields=["folder"])
    return document


def delete_document(document, by) -> None:
    """Delete a document and all its versions; files go once the deletion is committed."""
    permissions.check_delete_document(by, document)
    document.delete()


# --- folders -------------------------------------------------------------------------------------


def _clean_folder_name(name):
    name = " ".join(str(name or "").split())
    if not name:
        raise ValidationError({"name": "Le nom du dossier est obligatoire."})
    if len(name) > MAX_FOLDER_NAME_LENGTH:
        raise ValidationError(
            {"name": f"Le nom du dossier ne doit pas dépasser {MAX_FOLDER_NAME_LENGTH} caractères."}
        )
    if "/" in name or "\\" in name:
        raise ValidationError({"name": "Le nom du dossier ne peut pas contenir « / » ni « \\ »."})
    return name


def _save_folder(folder):
    folder.full_clean(exclude=["space", "created_by"], validate_unique=False)
    siblings = Folder.objects.filter(space_id=folder.space_id, parent_id=folder.parent_id)
    if siblings.filter(name__iexact=folder.name).exclude(pk=folder.pk).exists():
        raise ValidationError({"name": "Un dossier de ce nom existe déjà à cet endroit."})
    try:
        with transaction.atomic():
            folder.save()
    except IntegrityError as error:  # a concurrent request created the same folder
        raise ValidationError(
            {"name": "Un dossier de ce nom existe déjà à cet endroit."}
        ) from error
    return folder


def create_folder(space, by, name, parent=None) -> Folder:
    permissions.check_create_folder(by, space)
    if parent is not None and parent.space_id != space.pk:
        raise ValidationError({"parent": "Le dossier parent doit appartenir au même espace."})
    return _save_folder(
        Folder(space=space, name=_clean_folder_name(name), parent=parent, created_by=by)
    )


def rename_folder(folder, by, name) -> Folder:
    permissions.check_manage_folder(by, folder)
    folder.name = _clean_folder_name(name)
    return _save_folder(folder)


_UNCHANGED = object()


def _check_parent(folder, parent):
    """``parent`` may hold ``folder``: a folder of the same space, neither the folder itself nor
    one of its sub-folders. The space's folders are locked (PostgreSQL) so that two moves at
    once cannot build a loop between them."""
    if parent is None:
        return
    if parent.space_id != folder.space_id:
        raise ValidationError({"parent": "Le dossier parent doit appartenir au même espace."})
    if folder.pk is None:
        return
    if parent.pk == folder.pk:
        raise ValidationError({"parent": "Un dossier ne peut pas se contenir lui-même."})
    parents = dict(
        Folder.objects.select_for_update()
        .filter(space_id=folder.space_id)
        .order_by("pk")
        .values_list("pk", "parent_id")
    )
    if parent.pk not in parents:
        raise ValidationError({"parent": "Ce dossier parent n'existe plus."})
    ancestor, seen = parent.pk, set()
    while ancestor is not None and ancestor not in seen:
        if ancestor == folder.pk:
            raise ValidationError(
                {"parent": "Un dossier ne peut pas être déplacé dans l'un de ses sous-dossiers."}
            )
        seen.add(ancestor)
        ancestor = parents.get(ancestor)


def update_folder(folder, by, *, name=_UNCHANGED, parent=_UNCHANGED) -> Folder:
    """Rename and/or move a folder (moderation). ``parent=None`` moves it to the library's
    root; its documents and sub-folders move with it. Both changes are saved together or not
    at all (a refusal leaves ``folder`` as it was)."""
    permissions.check_manage_folder(by, folder)
    changed = copy.copy(folder)  # the caller's folder changes only once saved
    with transaction.atomic():
        if name is not _UNCHANGED:
            changed.name = _clean_folder_name(name)
        if parent is not _UNCHANGED:
            _check_parent(changed, parent)
            changed.parent = parent
        _save_folder(changed)
    folder.name, folder.parent = changed.name, changed.parent
    return folder


def move_folder(folder, by, parent) -> Folder:
    """Move a folder under ``parent`` (a folder of the same space) or to the root (None)."""
    return update_folder(folder, by, parent=parent)


def delete_folder(folder, by) -> None:
    """Delete a folder and its sub-folders; their documents return to the library's root."""
    permissions.check_manage_folder(by, folder)
    folder.delete()
