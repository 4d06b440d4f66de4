"""The documents library of a space: folders, upload, replace (new version), delete, download.

Files leave the server only through `extranet.documents.downloads` (attachment, nosniff);
every upload goes through `extranet.documents.services`, which checks it before anything is
stored and refuses with a French reason shown next to the file field.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from extranet.documents import downloads, ordering
from extranet.documents import permissions as document_permissions
from extranet.documents import services as document_services
from extranet.documents.models import Document, Folder

from ..access import space_view
from ..forms import FolderForm, MoveForm, ReplaceForm, UploadForm, add_service_errors
from .common import space_context, space_url

RECENT_DOCUMENTS = 5


def recent_documents(user, space, limit=RECENT_DOCUMENTS):
    """Latest documents of the space for its home page (one query)."""
    documents = document_permissions.filter_documents_queryset(
        user, Document.objects.filter(space=space)
    )
    return list(documents.order_by("-updated_at", "-pk")[:limit])


def get_document(user, space, pk):
    document = (
        Document.objects.filter(space=space, pk=pk)
        .select_related("current_version", "uploader", "folder")
        .first()
    )
    if document is None:
        raise Http404(document_permissions.DOCUMENT_NOT_FOUND)
    document.space = space
    document_permissions.check_view_document(user, document)
    return document


def get_folder(space, pk):
    folder = Folder.objects.filter(space=space, pk=pk).first()
    if folder is None:
        raise Http404("Dossier introuvable.")
    folder.space = space
    return folder


def _folder_trail(space, folder, folders_by_id):
    """Breadcrumb from the library down to `folder` (its ancestors from already loaded rows)."""
    chain = []
    seen = set()
    while folder is not None and folder.pk not in seen:
        seen.add(folder.pk)
        chain.append(folder)
        folder = folders_by_id.get(folder.parent_id)
    trail = [("Documents", space_url("document_list", space))]
    for ancestor in reversed(chain):
        trail.append((ancestor.name, space_url("folder_detail", space, folder_pk=ancestor.pk)))
    return trail


@space_view
def document_list(request, space, access, folder_pk=None):
    """One level of the library: its sub-folders and documents, with the upload form."""
    user = request.user
    folders = list(Folder.objects.filter(space=space).order_by("name"))
    folders_by_id = {folder.pk: folder for folder in folders}
    folder = None
    if folder_pk is not None:
        folder = folders_by_id.get(folder_pk)
        if folder is None:
            raise Http404("Dossier introuvable.")
        folder.space = space
    documents = (
        document_permissions.filter_documents_queryset(user, Document.objects.filter(space=space))
        .filter(folder=folder)
        .select_related("current_version", "uploader")
    )
    # A mistyped ?tri= shows the default order, as a stale link should.
    order = ordering.parse(request.GET.get(ordering.PARAMETER)) or ordering.Order()
    documents = ordering.order_documents(documents, order)
    upload_form = None
    if access.can_upload:
        upload_form = UploadForm(folders=folders, initial={"folder": folder.pk if folder else ""})
    trail = _folder_trail(space, folder, folders_by_id)
    trail[-1] = (trail[-1][0], None)
    context = space_context(
        space,
        access,
        "documents",
        trail,
        folder=folder,
        subfolders=[item for item in folders if item.parent_id == (folder.pk if folder else None)],
        documents=documents,
        columns=_sortable_columns(order),
        upload_form=upload_form,
        folder_form=FolderForm() if document_permissions.can_create_folder(user, space) else None,
        can_manage_folder=folder is not None
        and document_permissions.can_manage_folder(user, folder),
    )
    return render(request, "extranet/documents/document_list.html", context)


def _sortable_columns(order):
    """The table's sortable headers: label, the link that sorts by it (or reverses the order)
    and, for the sorted one, its ``aria-sort`` value and what a click does, for screen
    readers."""
    columns = []
    for key, label in ordering.LABELS.items():
        sorted_by = key == order.column
        direction = ("descending" if order.descending else "ascending") if sorted_by else None
        next_order = order.toggled(key)
        columns.append(
            {
                "key": key,
                "label": label,
                "aria_sort": direction,
                "url": f"?{ordering.PARAMETER}={next_order.value}",
                "hint": "ordre décroissant" if next_order.descending else "ordre croissant",
            }
        )
    return columns


@space_view
def document_upload(request, space, access):
    """GET shows the form alone; POST deposits. A refusal re-displays the form with the
    service's French reason and stores nothing (the service checks before writing)."""
    document_permissions.check_upload_document(request.user, space)
    folders = list(Folder.objects.filter(space=space))
    form = UploadForm(request.POST or None, request.FILES or None, folders=folders)
    if request.method == "POST" and form.is_valid():
        folder = None
        if form.cleaned_data["folder"]:
            folder = get_folder(space, form.cleaned_data["folder"])
        try:
            document = document_services.upload_document(
                space,
                request.user,
                form.cleaned_data["file"],
                title=form.cleaned_data["title"],
                folder=folder,
                description=form.cleaned_data["description"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except document_services.StorageUnavailable as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, f"Le document « {document.title} » a été déposé.")
            return redirect(space_url("document_detail", space, pk=document.pk))
    if request.method == "POST":
        messages.error(request, "Le document n'a pas été déposé : voir le motif ci-dessous.")
    trail = [("Documents", space_url("document_list", space)), ("Déposer un document", None)]
    context = space_context(space, access, "documents", trail, form=form)
    return render(request, "extranet/documents/document_upload.html", context)


@space_view
def document_detail(request, space, access, pk):
    user = request.user
    document = get_document(user, space, pk)
    versions = document.versions.select_related("uploaded_by").order_by("-number")
    can_replace = document_permissions.can_replace_document(user, document)
    folders = {folder.pk: folder for folder in Folder.objects.filter(space=space)}
    trail = _folder_trail(space, document.folder, folders) + [(document.title, None)]
    move_form = None
    if document_permissions.can_move_document(user, document):
        move_form = MoveForm(folders=folders.values(), initial={"folder": document.folder_id})
    context = space_context(
        space,
        access,
        "documents",
        trail,
        document=document,
        versions=versions,
        replace_form=ReplaceForm() if can_replace else None,
        move_form=move_form,
        can_delete=document_permissions.can_delete_document(user, document),
    )
    return render(request, "extranet/documents/document_detail.html", context)


@space_view
def document_replace(request, space, access, pk):
    """A new file for the document: it becomes the current version, earlier ones are kept."""
    document = get_document(request.user, space, pk)
    document_permissions.check_replace_document(request.user, document)
    form = ReplaceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = document_services.add_version(
                document, request.user, form.cleaned_data["file"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        except document_services.StorageUnavailable as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, f"Nouvelle version (n°{version.number}) de « {document.title} » déposée."
            )
            return redirect(space_url("document_detail", space, pk=document.pk))
    if request.method == "POST":
        messages.error(request, "Le fichier n'a pas été remplacé : voir le motif ci-dessous.")
    trail = [
        ("Documents", space_url("document_list", space)),
        (document.title, space_url("document_detail", space, pk=document.pk)),
        ("Remplacer le fichier", None),
    ]
    context = space_context(space, access, "documents", trail, document=document, form=form)
    return render(request, "extranet/documents/document_replace.html", context)


@space_view
@require_POST
def document_move(request, space, access, pk):
    """Move a document to another folder of the space (or the root): whoever may edit it."""
    document = get_document(request.user, space, pk)
    document_permissions.check_move_document(request.user, document)
    folders = list(Folder.objects.filter(space=space))
    form = MoveForm(request.POST, folders=folders)
    back = redirect(space_url("document_detail", space, pk=document.pk))
    if not form.is_valid():
        messages.error(request, "Le document n'a pas été déplacé : " + _errors(form))
        return back
    folder = None
    if form.cleaned_data["folder"] is not None:
        folder = get_folder(space, form.cleaned_data["folder"])
    try:
        document_services.move_document(document, request.user, folder)
    except ValidationError as error:
        messages.error(request, "Le document n'a pas été déplacé : " + " ".join(error.messages))
        return back
    where = f"dans le dossier « {folder.name} »" if folder else "à la racine de la bibliothèque"
    messages.success(request, f"Le document « {document.title} » est maintenant {where}.")
    return back


def _errors(form):
    return " ".join(message for messages_ in form.errors.values() for message in messages_)


@space_view
def document_delete(request, space, access, pk):
    document = get_document(request.user, space, pk)
    document_permissions.check_delete_document(request.user, document)
    if request.method == "POST":
        folder_pk = document.folder_id
        document_services.delete_document(document, request.user)
        messages.success(request, f"Le document « {document.title} » a été supprimé.")
        if folder_pk:
            return redirect(space_url("folder_detail", space, folder_pk=folder_pk))
        return redirect(space_url("document_list", space))
    trail = [
        ("Documents", space_url("document_list", space)),
        (document.title, space_url("document_detail", space, pk=document.pk)),
        ("Supprimer", None),
    ]
    context = space_context(space, access, "documents", trail, document=document)
    return render(request, "extranet/documents/document_delete.html", context)


@space_view
def document_download(request, space, access, pk, version_pk=None):
    """The current file, or one version: attachment, nosniff (built by the documents module)."""
    document = get_document(request.user, space, pk)
    version = None
    if version_pk is not None:
        version = document.versions.filter(pk=version_pk).first()
        if version is None:
            raise Http404(document_permissions.DOCUMENT_NOT_FOUND)
    return downloads.download_response(request.user, document, version)


@space_view
@require_POST
def folder_create(request, space, access, folder_pk=None):
    parent = get_folder(space, folder_pk) if folder_pk is not None else None
    form = FolderForm(request.POST)
    back = (
        space_url("folder_detail", space, folder_pk=parent.pk)
        if parent
        else space_url("document_list", space)
    )
    document_permissions.check_create_folder(request.user, space)
    if not form.is_valid():
        messages.error(request, "Le dossier n'a pas été créé : indiquez son nom.")
        return redirect(back)
    try:
        folder = document_services.create_folder(
            space, request.user, form.cleaned_data["name"], parent=parent
        )
    except ValidationError as error:
        messages.error(request, "Le dossier n'a pas été créé : " + " ".join(error.messages))
        return redirect(back)
    messages.success(request, f"Le dossier « {folder.name} » a été créé.")
    return redirect(space_url("folder_detail", space, folder_pk=folder.pk))


@space_view
def folder_delete(request, space, access, folder_pk):
    """Moderators delete a folder; its documents go back to the library's root."""
    folder = get_folder(space, folder_pk)
    document_permissions.check_manage_folder(request.user, folder)
    if request.method == "POST":
        document_services.delete_folder(folder, request.user)
        messages.success(
            request,
            f"Le dossier « {folder.name} » a été supprimé ; ses documents sont à la racine.",
        )
        return redirect(space_url("document_list", space))
    trail = [
        ("Documents", space_url("document_list", space)),
        (folder.name, space_url("folder_detail", space, folder_pk=folder.pk)),
        ("Supprimer le dossier", None),
    ]
    context = space_context(space, access, "documents", trail, folder=folder)
    return render(request, "extranet/documents/folder_delete.html", context)
