"""Plain text of a document version, for search (bounded: a document never floods the index).

PDF through pypdf, text and CSV decoded as UTF-8, OpenDocument and Office Open XML files
(odt, ods, odp, docx, xlsx, pptx) read from their XML parts (``office_text``); images give ""
(their title and description are still indexed).
"""

import logging
import zipfile
import zlib
from xml.etree.ElementTree import ParseError

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .office_text import EXTENSIONS as OFFICE_EXTENSIONS
from .office_text import office_text

logger = logging.getLogger(__name__)

MAX_CHARS = 100_000
# What a damaged, truncated, encrypted or oddly compressed zip package raises on reading.
_DAMAGED_PACKAGE = (
    zipfile.BadZipFile,
    KeyError,
    ParseError,
    EOFError,
    zlib.error,
    RuntimeError,
    NotImplementedError,
)
MAX_PDF_PAGES = 300


def extract_text(version, max_chars=MAX_CHARS) -> str:
    extension = version.extension
    try:
        if extension == "pdf":
            return _pdf_text(version, max_chars)
        if extension in ("txt", "csv"):
            with version.file.open("rb") as handle:
                # 4 bytes per character at most in UTF-8: read no more than needed.
                raw = handle.read(max_chars * 4)
            return raw.decode("utf-8-sig", errors="ignore")[:max_chars]
        if extension in OFFICE_EXTENSIONS:
            with version.file.open("rb") as handle:
                return office_text(handle, extension, max_chars)
    except (OSError, PyPdfError, ValueError, *_DAMAGED_PACKAGE) as error:
        # A damaged file must not stop indexing: it is found by its title instead.
        logger.warning("Texte non extrait de %s : %s", version, error)
    return ""


def _pdf_text(version, max_chars):
    parts, length = [], 0
    with version.file.open("rb") as handle:
        reader = PdfReader(handle)
        for index, page in enumerate(reader.pages):
            if index >= MAX_PDF_PAGES or length >= max_chars:
                break
            text = page.extract_text() or ""
            parts.append(text)
            length += len(text) + 1
    return "\n".join(parts).strip()[:max_chars]
