"""Small, real files of every accepted kind, built in memory for upload tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(pillow_format="PNG", size=(4, 3)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 60)).save(buffer, format=pillow_format)
    return buffer.getvalue()


def pdf_bytes(text="Compte rendu de la rencontre"):
    """A one-page PDF whose text pypdf can extract (offsets computed, not hand-counted)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


OOXML_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}


def ooxml_bytes(kind="docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(OOXML_PARTS[kind], "<document/>")
    return buffer.getvalue()


def odf_bytes(kind="odt"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", ODF_TYPES[kind], compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def sample_bytes(extension):
    if extension in ("png", "gif", "webp"):
        return image_bytes(extension.upper())
    if extension in ("jpg", "jpeg"):
        return image_bytes("JPEG")
    if extension == "pdf":
        return pdf_bytes()
    if extension in OOXML_PARTS:
        return ooxml_bytes(extension)
    if extension in ODF_TYPES:
        return odf_bytes(extension)
    if extension == "csv":
        return "commune;département\nAlbi;81\n".encode()
    return "Notes de la rencontre des référent·e·s\n".encode()


def upload(name, content=None, content_type="application/octet-stream"):
    """An upload as a view would receive it (the browser's content type is deliberately
    generic: the code must not rely on it)."""
    if content is None:
        content = sample_bytes(name.rpartition(".")[2].lower())
    return SimpleUploadedFile(name, content, content_type=content_type)
