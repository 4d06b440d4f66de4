"""Demo files are drawn offline: valid PNG placeholders and one-page PDFs, with or without a
system font (without one, the text is folded to ASCII for Pillow's built-in font)."""

import io

import pypdf
import pytest
from PIL import Image

from cms.demo import files


@pytest.fixture(params=["system font", "built-in font"])
def font(request, monkeypatch):
    if request.param == "built-in font":
        monkeypatch.setattr(files, "_system_font_path", lambda: None)
    return request.param


def test_placeholder_is_a_png_of_the_social_card_size(font):
    data = files.placeholder_png("Sécurité, prévention · acteur·rice·s « VRL »", "#8a1538")
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert image.size == files.PLACEHOLDER_SIZE


def test_placeholder_draws_no_text(monkeypatch):
    monkeypatch.setattr(files, "_font", lambda size: pytest.fail("text drawn on a placeholder"))
    files.placeholder_png("Politique de la ville", "#00626b")


def test_placeholder_is_drawn_from_its_seed():
    first = files.placeholder_png("Politique de la ville", "#00626b")
    assert files.placeholder_png("Politique de la ville", "#00626b") == first
    assert files.placeholder_png("Éducation", "#00626b") != first


def test_one_page_pdf_is_a_valid_pdf(font):
    data = files.one_page_pdf("Vademecum sur l'impact social", ["Une première lecture…"] * 40)
    assert data.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    assert reader.metadata.title == "Vademecum sur l'impact social"


def test_text_is_folded_to_ascii_only_without_a_system_font(monkeypatch):
    monkeypatch.setattr(files, "_system_font_path", lambda: None)
    assert files._drawable("Éducation · « laïcité » – œuvre") == 'Education . " laicite " - oeuvre'
