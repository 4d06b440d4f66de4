"""The library's table: type, size, date and author columns, sorted by the server (?tri=),
with accessible sortable headers (aria-sort on the sorted column, links that say what they do)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from extranet.documents import ordering
from extranet.documents.models import Document
from tests.extranet.documents.samples import image_bytes
from tests.factories.extranet import make_document, make_member

from .conftest import space_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(space):
    """Three documents that each column orders differently."""
    alice = make_member(space, first_name="Alice", last_name="Zola")
    bruno = make_member(space, first_name="Bruno", last_name="Abel")
    big = make_document(space, alice, name="Bilan.pdf")
    small = make_document(space, bruno, name="Affiche.png", content=image_bytes())
    middle = make_document(space, bruno, name="Compte.pdf")
    now = timezone.now()
    for days, document in ((3, big), (1, small), (2, middle)):
        Document.objects.filter(pk=document.pk).update(updated_at=now - timedelta(days=days))
    return space


def titles(client, space, sort=None):
    url = space_url("document_list", space) + (f"?tri={sort}" if sort is not None else "")
    html = client.get(url).content.decode()
    return re.findall(r'<th scope="row"><a href="[^"]+">([^<]+)</a>', html)


def test_the_library_is_sorted_by_title_by_default(client, member, library):
    client.force_login(member)
    assert titles(client, library) == ["Affiche", "Bilan", "Compte"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("-titre", ["Compte", "Bilan", "Affiche"]),
        ("date", ["Bilan", "Compte", "Affiche"]),
        ("-date", ["Affiche", "Compte", "Bilan"]),
        ("auteur", ["Affiche", "Compte", "Bilan"]),  # Abel before Zola, then by title
        ("type", ["Bilan", "Compte", "Affiche"]),  # application/pdf before image/png
        ("-type", ["Affiche", "Bilan", "Compte"]),
    ],
)
def test_the_server_sorts_the_library_by_the_column_asked(client, member, library, sort, expected):
    client.force_login(member)
    assert titles(client, library, sort) == expected


def test_the_library_sorts_by_size(client, member, library):
    client.force_login(member)
    sizes = dict(
        Document.objects.filter(space=library).values_list("title", "current_version__size")
    )
    assert titles(client, library, "taille") == sorted(sizes, key=lambda t: (sizes[t], t))


def test_an_unknown_sort_shows_the_default_order_not_an_error(client, member, library):
    client.force_login(member)
    assert titles(client, library, "<script>") == ["Affiche", "Bilan", "Compte"]


def test_the_table_shows_type_size_date_and_author(client, member, library):
    client.force_login(member)
    html = client.get(space_url("document_list", library)).content.decode()
    row = re.search(r"<tr>\s*<th scope=\"row\">.*?Affiche.*?</tr>", html, re.S).group(0)
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    assert cells[0] == "PNG"
    assert "octets" in cells[1]
    assert "<time datetime=" in cells[2]
    assert cells[3] == "Bruno Abel"


def test_the_sorted_column_header_carries_aria_sort_and_links_to_the_reverse(
    client, member, library
):
    client.force_login(member)
    html = client.get(space_url("document_list", library) + "?tri=date").content.decode()
    assert '<th scope="col" aria-sort="ascending"><a href="?tri=-date">Mis à jour le' in html
    assert html.count("aria-sort=") == 1
    assert '<a href="?tri=titre">Titre<span class="visually-hidden"> : trier par ordre ' in html


def test_an_order_parses_and_reverses():
    assert ordering.parse("-taille") == ordering.Order("taille", descending=True)
    assert ordering.parse("") == ordering.Order()
    assert ordering.parse("inconnu") is None
    assert ordering.Order("date").toggled("date") == ordering.Order("date", descending=True)
    assert ordering.Order("date", True).toggled("titre") == ordering.Order("titre")
