"""Text extraction from office files (OpenDocument, Office Open XML): the words people wrote,
in order, bounded, and never a failure on a damaged or hostile package."""

import io
import zipfile
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile

from extranet.documents import office_text as office
from extranet.documents.extraction import extract_text
from tests.factories.extranet import make_document

pytestmark = pytest.mark.django_db

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
S = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
ODF = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
)
ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}


def package(parts, mimetype=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        if mimetype:
            archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("[Content_Types].xml", "<Types/>")
        for name, xml in parts.items():
            archive.writestr(name, xml)
    return buffer.getvalue()


def docx(body):
    return package({"word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>"})


def odf(kind, body):
    content = (
        f"<office:document-content {ODF}>"
        '<office:automatic-styles><style:style style:name="P1"/></office:automatic-styles>'
        f"<office:body>{body}</office:body></office:document-content>"
    )
    return package({"content.xml": content}, mimetype=ODF_TYPES[kind])


def text_of(space, member, name, content):
    document = make_document(space, member, name=name, content=content)
    return extract_text(document.current_version)


def test_docx_paragraphs_runs_tabs_and_breaks_become_text(space, member):
    content = docx(
        "<w:p><w:r><w:t>Compte rendu</w:t></w:r><w:r><w:t xml:space='preserve'> des "
        "référent·e·s</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Laïcité</w:t><w:tab/><w:t>et</w:t><w:br/><w:t>citoyenneté</w:t></w:r></w:p>"
    )
    assert text_of(space, member, "cr.docx", content) == (
        "Compte rendu des référent·e·s\nLaïcité et\ncitoyenneté"
    )


def test_docx_field_instructions_are_not_text(space, member):
    content = docx(
        "<w:p><w:r><w:instrText>HYPERLINK https://example.org</w:instrText></w:r>"
        "<w:r><w:t>Programme de réussite éducative</w:t></w:r></w:p>"
    )
    assert text_of(space, member, "pre.docx", content) == "Programme de réussite éducative"


def test_odt_headings_paragraphs_spans_and_spaces_become_text_without_styles(space, member):
    content = odf(
        "odt",
        "<office:text><text:h>Prévention des dérives sectaires</text:h>"
        "<text:p>Réseau <text:span>PEP'S</text:span>,<text:s/>rencontre"
        "<text:line-break/>du 12 mars</text:p></office:text>",
    )
    assert text_of(space, member, "peps.odt", content) == (
        "Prévention des dérives sectaires\nRéseau PEP'S, rencontre\ndu 12 mars"
    )


def test_ods_cells_and_odp_slides_are_read_like_text_documents(space, member):
    sheet = odf(
        "ods",
        "<office:spreadsheet><table:table><table:table-row>"
        "<table:table-cell><text:p>Albi</text:p></table:table-cell>"
        "<table:table-cell><text:p>QPV Cantepau</text:p></table:table-cell>"
        "</table:table-row></table:table></office:spreadsheet>",
    )
    slides = odf("odp", "<office:presentation><text:p>Ordre du jour</text:p></office:presentation>")
    assert text_of(space, member, "qpv.ods", sheet) == "Albi\nQPV Cantepau"
    assert text_of(space, member, "cop.odp", slides) == "Ordre du jour"


def test_pptx_slides_are_read_in_their_natural_order(space, member):
    def slide(words):
        return f"<p:sld {A} xmlns:p='x'><a:p><a:r><a:t>{words}</a:t></a:r></a:p></p:sld>"

    parts = {"ppt/presentation.xml": "<presentation/>"}
    parts.update({f"ppt/slides/slide{n}.xml": slide(f"diapositive {n}") for n in (10, 2, 1)})
    text = text_of(space, member, "rencontre.pptx", package(parts))
    assert text == "diapositive 1\ndiapositive 2\ndiapositive 10"


def test_xlsx_shared_strings_are_text_and_a_workbook_of_numbers_gives_nothing(space, member):
    strings = f"<sst {S}><si><t>Contrat de ville</t></si><si><r><t>NPNRU</t></r></si></sst>"
    workbook = {"xl/workbook.xml": "<workbook/>"}
    with_strings = package({**workbook, "xl/sharedStrings.xml": strings})
    assert text_of(space, member, "suivi.xlsx", with_strings) == "Contrat de ville\nNPNRU"
    assert text_of(space, member, "chiffres.xlsx", package(workbook)) == ""


def test_office_text_is_bounded_by_max_chars(space, member):
    paragraphs = "".join(f"<w:p><w:r><w:t>paragraphe {n}</w:t></w:r></w:p>" for n in range(5000))
    document = make_document(space, member, name="long.docx", content=docx(paragraphs))
    text = extract_text(document.current_version, max_chars=50)
    assert len(text) == 50
    assert text.startswith("paragraphe 0\nparagraphe 1")


def test_a_part_bigger_than_the_decompression_cap_is_read_no_further(space, member, monkeypatch):
    monkeypatch.setattr(office, "MAX_PART_BYTES", 4096)
    monkeypatch.setattr(office, "_CHUNK", 1024)
    padding = "<w:p><w:r><w:t>mot</w:t></w:r></w:p>" * 2000  # ~68 kB of markup
    content = docx("<w:p><w:r><w:t>début</w:t></w:r></w:p>" + padding + "<w:p><w:r><w:t>fin")
    text = text_of(space, member, "bombe.docx", content)
    assert text.startswith("début")
    assert "fin" not in text
    assert len(text) < 1000


def test_entity_declarations_are_refused_and_give_empty_text(space, member):
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    )
    content = package({"word/document.xml": bomb})
    assert text_of(space, member, "entites.docx", content) == ""


@pytest.mark.parametrize(
    "name, content",
    [
        ("tronque.docx", docx("<w:p><w:r><w:t>début")[:-40]),
        ("sans-corps.odt", package({"styles.xml": "<x/>"}, mimetype=ODF_TYPES["odt"])),
        ("malforme.docx", package({"word/document.xml": "<w:document><w:p>"})),
    ],
    ids=["truncated-zip", "missing-content-part", "malformed-xml"],
)
def test_damaged_office_files_give_empty_text_instead_of_failing(name, content):
    # Straight to the extractor: the upload checks would refuse some of these files, but a
    # file damaged on disk later, or accepted by older rules, must not stop indexing.
    version = SimpleNamespace(extension=name.rsplit(".", 1)[1], file=ContentFile(content, name))
    assert extract_text(version) == ""
