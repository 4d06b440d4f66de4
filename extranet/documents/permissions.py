"""Who may see, download, deposit, replace and delete shared documents.

Space questions go to ``extranet.spaces.permissions``; on top of them:
- every member who sees the space sees and downloads its documents (and their versions);
- members who may upload in the space deposit documents and create folders;
- a document's file is replaced, and the document deleted, by its uploader (while they may
  still upload in the space) or by the space's moderators;
- moving a document to another folder is editing it: the same people as replacing it;
- renaming and deleting folders is moderation.
Non-members get 404 for everything, never 403.
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from extranet.spaces import permissions as space_permissions

from .models import Document, Folder

DOCUMENT_NOT_FOUND = "Document introuvable."


def can_view_document(user, document: Document) -> bool:
    return space_permissions.can_view_space(user, document.space)


can_download = can_view_document


def can_upload_document(user, space) -> bool:
    return space_permissions.can_upload(user, space)


def can_create_folder(user, space) -> bool:
    return space_permissions.can_upload(user, space)


def can_manage_folder(user, folder: Folder) -> bool:
    return space_permissions.can_moderate(user, folder.space)


def can_replace_document(user, document: Document) -> bool:
    space = document.space
    if space_permissions.can_moderate(user, space):
        return True
    return (
        document.uploader_id is not None
        and document.uploader_id == getattr(user, "pk", None)
        and space_permissions.can_upload(user, space)
    )


can_delete_document = can_replace_document
can_move_document = can_replace_document


def check_view_document(user, document: Document) -> None:
    if not can_view_document(user, document):
        raise Http404(DOCUMENT_NOT_FOUND)


def check_can_download(user, document: Document) -> None:
    """Downloading is viewing: 404 for whoever may not see the space."""
    check_view_document(user, document)


def check_upload_document(user, space) -> None:
    space_permissions.check_upload(user, space)


def check_create_folder(user, space) -> None:
    space_permissions.check_upload(user, space)


def check_manage_folder(user, folder: Folder) -> None:
    space_permissions.check_moderate(user, folder.space)


def check_replace_document(user, document: Document) -> None:
    check_view_document(user, document)
    if not can_replace_document(user, document):
        space_permissions.check_upload(user, document.space)  # archived space: its message
        raise PermissionDenied(
            "Seul·e la personne qui a déposé ce document ou l'équipe d'animation peut le "
            "remplacer ou le supprimer."
        )


check_delete_document = check_replace_document
check_move_document = check_replace_document


def filter_documents_queryset(user, queryset=None):
    if queryset is None:
        queryset = Document.objects.all()
    return queryset.filter(space__in=space_permissions.filter_spaces_queryset(user).values("pk"))


def filter_folders_queryset(user, queryset=None):
    if queryset is None:
        queryset = Folder.objects.all()
    return queryset.filter(space__in=space_permissions.filter_spaces_queryset(user).values("pk"))
