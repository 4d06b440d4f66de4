"""Text extraction for search: PDF and plain text, bounded, never failing."""

import pytest

from extranet.documents.extraction import extract_text
from tests.factories.extranet import make_document

from .samples import pdf_bytes

pytestmark = pytest.mark.django_db


def test_pdf_text_is_extracted(space, member):
    document = make_document(space, member, content=pdf_bytes("Prevention des derives sectaires"))
    assert "Prevention des derives sectaires" in extract_text(document.current_version)


def test_text_and_csv_are_decoded(space, member):
    text = make_document(
        space, member, name="notes.txt", content="Laïcité et référent·e·s".encode()
    )
    csv = make_document(space, member, name="liste.csv", content=b"\xef\xbb\xbfcommune;dep\n")
    assert extract_text(text.current_version) == "Laïcité et référent·e·s"
    assert extract_text(csv.current_version) == "commune;dep\n"


def test_extraction_is_bounded(space, member):
    document = make_document(space, member, name="long.txt", content=b"a" * 5000)
    assert len(extract_text(document.current_version, max_chars=100)) == 100


def test_formats_without_extractor_give_empty_text(space, member):
    document = make_document(space, member, name="photo.png")
    assert extract_text(document.current_version) == ""


def test_damaged_pdf_gives_empty_text_instead_of_failing(space, member):
    document = make_document(space, member, content=b"%PDF-1.4\nn'importe quoi")
    assert extract_text(document.current_version) == ""
