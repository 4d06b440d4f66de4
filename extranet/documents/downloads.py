"""Building the response that sends a document: the only way a stored file leaves the server.

Always an attachment (never rendered by the browser in the site's origin), with a Content-Type
from the extension allow-list rather than what was uploaded, ``nosniff``, and a sandboxing CSP
in case a browser still decides to render it.
"""

import unicodedata
from urllib.parse import quote

from django.http import FileResponse, Http404

from .permissions import DOCUMENT_NOT_FOUND, check_can_download
from .validation import CONTENT_TYPES

FALLBACK_CONTENT_TYPE = "application/octet-stream"


def content_disposition(filename):
    """``attachment`` with an ASCII ``filename`` for old clients and an RFC 5987 ``filename*``
    carrying the real (UTF-8) name."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    ascii_name = "".join(
        "_" if char in '"\\' or not char.isprintable() else char for char in ascii_name
    )
    ascii_name = " ".join(ascii_name.split()) or "document"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"


def build_download_response(version) -> FileResponse:
    """The response for one stored version. Callers check permissions first
    (``download_response`` does)."""
    content_type = CONTENT_TYPES.get(version.extension, FALLBACK_CONTENT_TYPE)
    response = FileResponse(version.file.open("rb"), content_type=content_type)
    response["Content-Disposition"] = content_disposition(version.original_name)
    response["Content-Length"] = str(version.file.size)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-cache"
    return response


def download_response(user, document, version=None) -> FileResponse:
    """Check that ``user`` may download ``document`` (404 otherwise), then send ``version``
    (default: the current one). A version of another document is a 404 too."""
    check_can_download(user, document)
    version = version or document.current_version
    if version is None or version.document_id != document.pk:
        raise Http404(DOCUMENT_NOT_FOUND)
    return build_download_response(version)
