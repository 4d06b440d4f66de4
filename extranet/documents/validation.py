"""Checking a shared document before anything is stored.

An upload is accepted only when all of these hold, in this order (the first failure is the
reason given to the member, in French):

1. the file is not empty and not larger than ``settings.EXTRANET_DOCUMENT_MAX_SIZE``;
2. its sanitised name keeps a usable stem and an extension of ``ALLOWED_EXTENSIONS``;
3. its *content* is what the extension claims: images open with Pillow in the matching format,
   PDFs start with ``%PDF-``, OOXML/ODF files are valid zips holding the part of their kind,
   text and CSV decode as UTF-8 without NUL bytes.

The browser's Content-Type is never trusted: the stored type comes from ``CONTENT_TYPES``.
Nothing here writes to disk; callers store the file only after ``check_upload`` returned.
"""

import hashlib
import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image, UnidentifiedImageError

# Extension → the Content-Type served on download (fixed, never taken from the upload).
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "txt": "text/plain; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "gif": "image/gif",
    "webp": "image/webp",
}
ALLOWED_EXTENSIONS = frozenset(CONTENT_TYPES)

# Pillow's name for the format each image extension must hold.
IMAGE_FORMATS = {"png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "webp": "WEBP"}
# The zip member that proves an Office Open XML file is of the kind its extension says.
OOXML_MAIN_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
# ODF packages start with a "mimetype" member naming their kind.
ODF_MIMETYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}

MAX_NAME_LENGTH = 120
# Windows device names: harmless on our disk but a trap for whoever downloads the file.
RESERVED_STEMS = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(10)} | {f"lpt{i}" for i in range(10)}
)
_UNSAFE_CHARACTERS = re.compile(r'[<>:"/\\|?*]')
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class CheckedUpload:
    """What the storage layer needs once an upload passed every check."""

    file: object
    name: str
    extension: str
    size: int
    content_type: str
    sha256: str


def sanitize_filename(name):
    """A file name safe to store, show and send back in Content-Disposition.

    Keeps the last path component (both separators), drops control and formatting characters
    (including right-to-left overrides that make ``facture\u202egpj.exe`` read as
    ``facture.exe.jpg``), replaces characters Windows refuses, strips leading dots (hidden
    files) and trailing dots/spaces, and shortens long stems while keeping the extension.
    Returns "" when nothing usable is left.
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    # Cc: control characters; Cf: formatting (bidi overrides, zero-width joiners…);
    # Zl/Zp: line and paragraph separators.
    name = "".join(
        char for char in name if unicodedata.category(char) not in {"Cc", "Cf", "Zl", "Zp"}
    )
    name = _UNSAFE_CHARACTERS.sub("_", name)
    name = _SPACES.sub(" ", name).strip()
    name = name.lstrip(". ").rstrip(". ")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = stem.rstrip(". ")
    extension = extension.lower()
    if stem.lower() in RESERVED_STEMS:
        stem = f"{stem}_"
    budget = MAX_NAME_LENGTH - (len(extension) + 1 if extension else 0)
    stem = stem[: max(budget, 1)].rstrip(". ")
    if not stem:
        return ""
    return f"{stem}.{extension}" if extension else stem


def extension_of(name):
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem else ""


def check_upload(uploaded_file, name=None):
    """Checks ``uploaded_file`` (a Django ``File``/``UploadedFile``) and returns a
    ``CheckedUpload``; raises ``ValidationError`` with a French reason otherwise.

    ``name`` overrides the file's own name (e.g. a name typed by the member).
    """
    size = uploaded_file.size
    max_size = settings.EXTRANET_DOCUMENT_MAX_SIZE
    if size is None or size <= 0:
        raise ValidationError("Le fichier est vide.", code="empty")
    if size > max_size:
        raise ValidationError(
            "Le fichier est trop volumineux (%(size)s) : la taille maximale est de %(max)s.",
            code="too_large",
            params={"size": filesizeformat(size), "max": filesizeformat(max_size)},
        )

    safe_name = sanitize_filename(uploaded_file.name if name is None else name)
    extension = extension_of(safe_name)
    if not safe_name:
        raise ValidationError("Le nom du fichier n'est pas utilisable.", code="invalid_name")
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            "Ce type de fichier n'est pas accepté (%(extension)s). Formats acceptés : %(allowed)s.",
            code="extension_not_allowed",
            params={
                "extension": f".{extension}" if extension else "sans extension",
                "allowed": ", ".join(sorted(ALLOWED_EXTENSIONS)),
            },
        )

    _check_content(uploaded_file, extension)

    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return CheckedUpload(
        file=uploaded_file,
        name=safe_name,
        extension=extension,
        size=size,
        content_type=CONTENT_TYPES[extension],
        sha256=digest.hexdigest(),
    )


def _mismatch(extension, detail):
    return ValidationError(
        "Le contenu du fichier ne correspond pas à son extension .%(extension)s : %(detail)s.",
        code="content_mismatch",
        params={"extension": extension, "detail": detail},
    )


def _check_content(uploaded_file, extension):
    uploaded_file.seek(0)
    try:
        if extension in IMAGE_FORMATS:
            _check_image(uploaded_file, extension)
        elif extension == "pdf":
            if uploaded_file.read(5) != b"%PDF-":
                raise _mismatch(extension, "ce n'est pas un PDF")
        elif extension in OOXML_MAIN_PARTS:
            members = _zip_members(uploaded_file, extension)
            if "[Content_Types].xml" not in members or OOXML_MAIN_PARTS[extension] not in members:
                raise _mismatch(extension, "ce n'est pas un document Office de ce type")
        elif extension in ODF_MIMETYPES:
            _check_odf(uploaded_file, extension)
        elif extension in ("txt", "csv"):
            _check_text(uploaded_file, extension)
    finally:
        uploaded_file.seek(0)


def _check_image(uploaded_file, extension):
    expected = IMAGE_FORMATS[extension]
    try:
        # Pillow warns above MAX_IMAGE_PIXELS and raises above twice that: a decompression
        # bomb is refused either way.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded_file) as image:
                detected = image.format
                image.verify()
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise _mismatch(extension, "l'image est illisible") from error
    if detected != expected:
        raise _mismatch(extension, f"c'est une image {detected or 'inconnue'}")


def _zip_members(uploaded_file, extension):
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _mismatch(extension, "l'archive du document est invalide") from error


def _check_odf(uploaded_file, extension):
    try:
        with zipfile.ZipFile(uploaded_file) as archive:
            if "mimetype" not in archive.namelist():
                raise _mismatch(extension, "ce n'est pas un document OpenDocument")
            with archive.open("mimetype") as member:
                mimetype = member.read(200).decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _mismatch(extension, "l'archive du document est invalide") from error
    if mimetype != ODF_MIMETYPES[extension]:
        raise _mismatch(extension, "ce n'est pas un document OpenDocument de ce type")


def _check_text(uploaded_file, extension):
    # The size limit already bounds what is read here.
    content = b"".join(uploaded_file.chunks())
    if b"\x00" in content:
        raise _mismatch(extension, "le fichier contient des données binaires")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValidationError(
            "Le fichier texte doit être encodé en UTF-8.", code="not_utf8"
        ) from error
