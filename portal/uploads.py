"""Uploads spooled to a temporary disk that fail cleanly when that disk is full.

Django keeps an upload in memory up to ``FILE_UPLOAD_MAX_MEMORY_SIZE`` (2.5 MB), beyond that
it writes it to a temporary file (``FILE_UPLOAD_TEMP_DIR``) while it reads the request body,
before any view runs. When that disk was full or read-only, the ``OSError`` came out of the
first ``request.POST`` (the CSRF check, DRF's parser): a 500 from outside any view, and a
half-written temporary file. The storage of documents already refused a full disk cleanly
(``portal.storage``); this is the same rule for the step before it.

- ``SpooledUploadHandler`` (Django's temporary-file handler, in ``FILE_UPLOAD_HANDLERS``)
  catches the error, closes its temporary file (which deletes it) and raises
  ``StorageUnavailable``: the API's exception handler answers it like a document the storage
  refused (JSON, 413 with ``Retry-After``).
- ``UploadRefusedMiddleware`` reads the body of the site's multipart forms before the CSRF
  check does, and answers the same refusal in French: the site's error page, or JSON for a
  script that asked for it (the composer's uploads). Views exempt from the CSRF check (DRF's)
  read their body themselves and answer through their own error handling.
Nothing reaches a view, nothing is stored.
"""

import logging

from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.http import JsonResponse
from django.template.response import TemplateResponse

from portal.storage import StorageUnavailable

logger = logging.getLogger(__name__)


class SpooledUploadHandler(TemporaryFileUploadHandler):
    def new_file(self, *args, **kwargs):
        try:
            super().new_file(*args, **kwargs)
        except OSError as error:
            self._refuse(error)

    def receive_data_chunk(self, raw_data, start):
        try:
            return super().receive_data_chunk(raw_data, start)
        except OSError as error:
            self._refuse(error)

    def file_complete(self, file_size):
        try:
            return super().file_complete(file_size)
        except OSError as error:
            self._refuse(error)

    def _refuse(self, error):
        file = getattr(self, "file", None)
        if file is not None:
            try:
                file.close()  # a NamedTemporaryFile: closing it deletes it
            except OSError:
                logger.warning("Temporary upload file not removed: %s", file.name)
        logger.error("Upload refused: the temporary upload directory failed (%s)", error)
        raise StorageUnavailable(error) from error


def refusal_response(request, refusal):
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse(refusal.as_json(), status=refusal.status_code)
    else:
        response = TemplateResponse(
            request,
            "errors/upload_refused.html",
            {"message": refusal.message},
            status=refusal.status_code,
        )
    response["Retry-After"] = str(refusal.retry_after)
    return response


class UploadRefusedMiddleware:
    """Before ``CsrfViewMiddleware``: see the module's docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.content_type != "multipart/form-data":
            return None
        if getattr(view_func, "csrf_exempt", False):
            return None  # DRF: parsed by the view, refused by its exception handler
        try:
            request.POST  # noqa: B018  (reads the body and the files now)
        except StorageUnavailable as refusal:
            return refusal_response(request, refusal)
        return None
