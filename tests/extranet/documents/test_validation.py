"""Upload checks: size, extension allow-list checked against content, hostile names."""

import hashlib

import pytest
from django.core.exceptions import ValidationError

from extranet.documents.validation import (
    ALLOWED_EXTENSIONS,
    MAX_NAME_LENGTH,
    check_upload,
    sanitize_filename,
)

from .samples import image_bytes, odf_bytes, ooxml_bytes, pdf_bytes, upload


def refusal(uploaded, **kwargs):
    with pytest.raises(ValidationError) as caught:
        check_upload(uploaded, **kwargs)
    return caught.value


@pytest.mark.parametrize("extension", sorted(ALLOWED_EXTENSIONS))
def test_real_file_of_each_allowed_type_is_accepted(extension):
    checked = check_upload(upload(f"Compte rendu.{extension}"))
    assert checked.extension == extension
    assert checked.name == f"Compte rendu.{extension}"
    assert len(checked.sha256) == 64


def test_accepted_upload_reports_size_hash_and_a_content_type_derived_from_the_extension():
    content = pdf_bytes()
    checked = check_upload(upload("bilan.pdf", content, content_type="text/html"))
    assert checked.size == len(content)
    assert checked.content_type == "application/pdf"
    assert checked.sha256 == hashlib.sha256(content).hexdigest()


def test_file_is_rewound_after_checks_so_it_can_be_stored():
    uploaded = upload("photo.png")
    check_upload(uploaded)
    assert uploaded.tell() == 0


def test_oversized_file_is_refused_with_the_limit_in_french(settings):
    settings.EXTRANET_DOCUMENT_MAX_SIZE = 1024
    error = refusal(upload("gros.txt", b"a" * 1025))
    assert error.code == "too_large"
    assert "trop volumineux" in error.messages[0]
    assert "la taille maximale est de 1,0\xa0Kio" in error.messages[0]


def test_file_exactly_at_the_limit_is_accepted(settings):
    settings.EXTRANET_DOCUMENT_MAX_SIZE = 1024
    assert check_upload(upload("juste.txt", b"a" * 1024)).size == 1024


def test_empty_file_is_refused():
    assert refusal(upload("vide.txt", b"")).code == "empty"


@pytest.mark.parametrize(
    "name",
    ["script.exe", "page.html", "page.htm", "dessin.svg", "shell.php", "macro.docm", "sans_ext"],
)
def test_forbidden_type_is_refused(name):
    error = refusal(upload(name, b"%PDF-1.4 contenu"))
    assert error.code == "extension_not_allowed"
    assert "n'est pas accepté" in error.messages[0]


def test_extension_is_matched_case_insensitively():
    assert check_upload(upload("SCAN.PDF", pdf_bytes())).extension == "pdf"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("faux.pdf", b"<html><script>alert(1)</script></html>"),
        ("photo.png", image_bytes("JPEG")),
        ("photo.jpg", image_bytes("PNG")),
        ("photo.gif", b"GIF89a mais pas une image"),
        ("photo.webp", pdf_bytes()),
        ("rapport.docx", ooxml_bytes("xlsx")),
        ("tableau.xlsx", b"PK\x03\x04 pas une archive"),
        ("diapos.pptx", odf_bytes("odp")),
        ("texte.odt", odf_bytes("ods")),
        ("calcul.ods", ooxml_bytes("xlsx")),
        ("notes.txt", b"binaire\x00\x01\x02"),
        ("liste.csv", image_bytes("PNG")),
    ],
)
def test_content_not_matching_its_extension_is_refused(name, content):
    error = refusal(upload(name, content))
    assert error.code in {"content_mismatch", "not_utf8"}
    assert "ne correspond pas" in error.messages[0] or "UTF-8" in error.messages[0]


def test_text_in_another_encoding_is_refused_with_a_clear_reason():
    error = refusal(upload("notes.txt", "référent·e·s".encode("latin-1", "replace")))
    assert error.code == "not_utf8"
    assert "UTF-8" in error.messages[0]


def test_utf8_text_with_a_byte_order_mark_is_accepted():
    assert check_upload(upload("notes.csv", "\ufeffa;b\n".encode())).extension == "csv"


def test_truncated_image_is_refused():
    content = image_bytes("PNG", size=(200, 200))
    assert refusal(upload("coupée.png", content[: len(content) // 2])).code == "content_mismatch"


def test_decompression_bomb_is_refused(monkeypatch):
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    assert refusal(upload("bombe.png", image_bytes("PNG", size=(20, 20)))).code == (
        "content_mismatch"
    )


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\..\\windows\\win.ini.txt", "win.ini.txt"),
        ("/var/www/index.pdf", "index.pdf"),
        (".htaccess.txt", "htaccess.txt"),
        ("...cache.pdf", "cache.pdf"),
        ("rapport\x00.pdf", "rapport.pdf"),
        ("ligne\nnouvelle\r.pdf", "lignenouvelle.pdf"),
        ("facture\u202egpj.exe", "facturegpj.exe"),
        ("zero\u200bwidth.pdf", "zerowidth.pdf"),
        ('a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"),
        ("  espaces   multiples  .pdf ", "espaces multiples.pdf"),
        ("fin avec points... .pdf", "fin avec points.pdf"),
        ("CON.txt", "CON_.txt"),
        ("Compte rendu – Réunion PRE.PDF", "Compte rendu – Réunion PRE.pdf"),
    ],
)
def test_hostile_names_are_sanitised(hostile, expected):
    assert sanitize_filename(hostile) == expected


def test_overlong_name_is_shortened_keeping_its_extension():
    name = sanitize_filename("a" * 500 + ".pdf")
    assert len(name) == MAX_NAME_LENGTH
    assert name.endswith(".pdf")


@pytest.mark.parametrize("name", ["", "...", "/", "\u202e\u202e", ".pdf"])
def test_name_with_nothing_usable_is_refused(name):
    error = refusal(upload("x.pdf", pdf_bytes()), name=name)
    assert error.code in {"invalid_name", "extension_not_allowed"}


def test_right_to_left_override_cannot_disguise_an_executable():
    # Displayed as "facture.exe.pdf"… without the override it is what it is: an .exe.
    error = refusal(upload("facture\u202efdp.exe", pdf_bytes()))
    assert error.code == "extension_not_allowed"
