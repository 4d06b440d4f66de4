"""Folders of the document library through the API: list with counts, create, rename and
move (same space, no loop), delete (documents back to the root), documents filtered by folder;
bad input is a 400 with French field errors, never a 500. Who may do what: see
test_permission_matrix.py."""

import contextlib
import json
import threading

import pytest
from django.db import connection

from extranet.documents.models import Document, Folder
from extranet.documents.services import create_folder
from extranet.spaces.models import Space
from tests.factories.extranet import make_document

from ..documents.samples import upload
from .conftest import api_url, token_client

pytestmark = pytest.mark.django_db

NOT_IN_SPACE = "Ce dossier n'existe pas dans cet espace."
NOT_AN_ID = "Indiquez l'identifiant (nombre entier) d'un dossier de l'espace."


@pytest.fixture
def client(member, as_user):
    return as_user(member)


@pytest.fixture
def moderator_client(moderator, as_user):
    return as_user(moderator)


@pytest.fixture
def tree(space, member):
    """Comptes rendus/2024/Janvier and Outils at the root; two documents in 2024, one in
    Comptes rendus, one at the root."""
    reports = create_folder(space, member, "Comptes rendus")
    year = create_folder(space, member, "2024", parent=reports)
    january = create_folder(space, member, "Janvier", parent=year)
    tools = create_folder(space, member, "Outils")
    documents = {
        "mars": make_document(space, member, name="CR mars.pdf", folder=year),
        "avril": make_document(space, member, name="CR avril.pdf", folder=year),
        "bilan": make_document(space, member, name="Bilan.pdf", folder=reports),
        "racine": make_document(space, member, name="Charte.pdf"),
    }
    return {
        "reports": reports,
        "year": year,
        "january": january,
        "tools": tools,
        "documents": documents,
    }


def _folders(client, space, **params):
    response = client.get(api_url("folder-list", space), params)
    assert response.status_code == 200, response.content
    return {item["name"]: item for item in response.json()["results"]}


# --- reading -------------------------------------------------------------------------------------


def test_list_gives_parent_and_direct_counts(client, space, tree):
    folders = _folders(client, space)
    assert list(folders) == ["2024", "Comptes rendus", "Janvier", "Outils"]  # by name
    assert folders["2024"]["parent"] == tree["reports"].pk
    assert folders["Comptes rendus"]["parent"] is None
    counts = {name: (f["document_count"], f["subfolder_count"]) for name, f in folders.items()}
    assert counts == {"2024": (2, 1), "Comptes rendus": (1, 1), "Janvier": (0, 0), "Outils": (0, 0)}


def test_list_filters_by_parent_or_root(client, space, tree):
    assert list(_folders(client, space, parent="root")) == ["Comptes rendus", "Outils"]
    assert list(_folders(client, space, parent=tree["reports"].pk)) == ["2024"]
    assert list(_folders(client, space, parent=tree["january"].pk)) == []


def test_folder_links_lead_to_itself_and_its_documents(client, space, tree):
    folder = _folders(client, space)["2024"]
    assert client.get(folder["url"]).json() == folder
    documents = client.get(folder["documents_url"]).json()
    assert sorted(d["title"] for d in documents["results"]) == ["CR avril", "CR mars"]


def test_members_are_told_they_may_not_manage_folders(client, moderator_client, space, tree):
    assert _folders(client, space)["Outils"]["can_manage"] is False
    assert _folders(moderator_client, space)["Outils"]["can_manage"] is True


def test_a_folder_of_another_space_is_404_through_this_one(client, space, other_space):
    foreign = Folder.objects.create(space=other_space, name="Ailleurs")
    response = client.get(api_url("folder-detail", space, pk=foreign.pk))
    assert response.status_code == 404
    assert response.json() == {"detail": "Dossier introuvable."}
    assert _folders(client, space) == {}


def test_documents_filtered_by_folder_and_root(client, space, tree):
    def titles(folder):
        response = client.get(api_url("document-list", space), {"folder": folder})
        assert response.status_code == 200, response.content
        return sorted(d["title"] for d in response.json()["results"])

    # Directly inside only: the documents of 2024 are not listed under Comptes rendus.
    assert titles(tree["reports"].pk) == ["Bilan"]
    assert titles(tree["year"].pk) == ["CR avril", "CR mars"]
    assert titles(tree["january"].pk) == []
    assert titles("root") == ["Charte"]


# --- creating ------------------------------------------------------------------------------------


def test_member_creates_a_folder_at_the_root_and_inside_another(client, space, member):
    response = client.post(api_url("folder-list", space), {"name": "  Outils  "}, format="json")
    assert response.status_code == 201, response.content
    data = response.json()
    assert (data["name"], data["parent"], data["document_count"]) == ("Outils", None, 0)
    assert data["created_by"]["id"] == member.pk
    response = client.post(
        api_url("folder-list", space), {"name": "Fiches", "parent": data["id"]}, format="json"
    )
    assert response.status_code == 201
    assert Folder.objects.get(pk=response.json()["id"]).parent_id == data["id"]


def test_a_folder_can_be_created_from_a_form_too(client, space):
    response = client.post(api_url("folder-list", space), {"name": "Outils", "parent": ""})
    assert response.status_code == 201
    assert response.json()["parent"] is None


def test_same_name_at_the_same_place_is_a_field_error(client, space, tree):
    response = client.post(api_url("folder-list", space), {"name": "outils"}, format="json")
    assert response.status_code == 400
    assert response.json() == {"name": ["Un dossier de ce nom existe déjà à cet endroit."]}


# --- renaming and moving -------------------------------------------------------------------------


def _patch(client, space, folder, data):
    return client.patch(api_url("folder-detail", space, pk=folder.pk), data, format="json")


def test_moderator_renames_a_folder(moderator_client, space, tree):
    response = _patch(moderator_client, space, tree["tools"], {"name": "Boîte à outils"})
    assert response.status_code == 200
    assert response.json()["name"] == "Boîte à outils"
    assert Folder.objects.get(pk=tree["tools"].pk).name == "Boîte à outils"


def test_moving_a_folder_takes_its_documents_and_subfolders(moderator_client, space, tree):
    response = _patch(moderator_client, space, tree["year"], {"parent": tree["tools"].pk})
    assert response.status_code == 200
    assert response.json()["parent"] == tree["tools"].pk
    year = Folder.objects.get(pk=tree["year"].pk)
    assert year.parent_id == tree["tools"].pk
    assert Folder.objects.get(pk=tree["january"].pk).parent_id == year.pk
    assert Document.objects.filter(folder=year).count() == 2


def test_moving_to_the_root_with_null(moderator_client, space, tree):
    response = _patch(moderator_client, space, tree["january"], {"parent": None})
    assert response.status_code == 200
    assert Folder.objects.get(pk=tree["january"].pk).parent is None


def test_rename_and_move_at_once(moderator_client, space, tree):
    data = {"name": "Archives 2024", "parent": None}
    response = _patch(moderator_client, space, tree["year"], data)
    assert response.status_code == 200
    year = Folder.objects.get(pk=tree["year"].pk)
    assert (year.name, year.parent) == ("Archives 2024", None)


def test_a_refused_move_changes_nothing_not_even_a_valid_name(moderator_client, space, tree):
    data = {"name": "Nouveau nom", "parent": tree["january"].pk}
    response = _patch(moderator_client, space, tree["reports"], data)
    assert response.status_code == 400
    reports = Folder.objects.get(pk=tree["reports"].pk)
    assert (reports.name, reports.parent) == ("Comptes rendus", None)


@pytest.mark.parametrize(
    ("moved", "into", "message"),
    [
        ("reports", "reports", "Un dossier ne peut pas se contenir lui-même."),
        ("reports", "year", "Un dossier ne peut pas être déplacé dans l'un de ses sous-dossiers."),
        (
            "reports",
            "january",
            "Un dossier ne peut pas être déplacé dans l'un de ses sous-dossiers.",
        ),
    ],
)
def test_a_folder_cannot_become_its_own_ancestor(
    moderator_client, space, tree, moved, into, message
):
    response = _patch(moderator_client, space, tree[moved], {"parent": tree[into].pk})
    assert response.status_code == 400
    assert response.json() == {"parent": [message]}
    assert Folder.objects.get(pk=tree[moved].pk).parent_id is None


def test_moving_next_to_a_folder_of_the_same_name_is_refused(moderator_client, space, tree):
    create_folder(space, tree["tools"].created_by, "2024", parent=tree["tools"])
    response = _patch(moderator_client, space, tree["year"], {"parent": tree["tools"].pk})
    assert response.status_code == 400
    assert response.json() == {"name": ["Un dossier de ce nom existe déjà à cet endroit."]}


def test_an_empty_change_is_a_400_saying_what_to_send(moderator_client, space, tree):
    response = _patch(moderator_client, space, tree["tools"], {})
    assert response.status_code == 400
    assert response.json() == {
        "non_field_errors": [
            "Indiquez un nouveau nom (« name ») ou un nouveau dossier parent (« parent »)."
        ]
    }


def test_a_member_gets_403_before_any_lesson_on_fields(client, space, tree):
    response = _patch(client, space, tree["tools"], {"parent": "n'importe quoi"})
    assert response.status_code == 403
    assert response.json()["detail"] == "Seul·e·s les animateur·rice·s de l'espace peuvent modérer."


# --- deleting ------------------------------------------------------------------------------------


def test_deleting_a_folder_puts_its_documents_back_at_the_root(moderator_client, space, tree):
    response = moderator_client.delete(api_url("folder-detail", space, pk=tree["reports"].pk))
    assert response.status_code == 204
    # The folder and its sub-folders are gone; every document is still there, at the root.
    assert list(Folder.objects.filter(space=space).values_list("name", flat=True)) == ["Outils"]
    documents = Document.objects.filter(space=space)
    assert documents.count() == 4
    assert not documents.filter(folder__isnull=False).exists()
    root = moderator_client.get(api_url("document-list", space), {"folder": "root"}).json()
    assert root["count"] == 4


def test_an_archived_space_refuses_folder_changes_with_its_message(
    moderator_client, client, space, tree
):
    Space.objects.filter(pk=space.pk).update(is_archived=True)
    archived = "Cet espace est archivé : il est consultable mais n'accepte plus de contribution."
    response = client.post(api_url("folder-list", space), {"name": "Nouveau"}, format="json")
    assert (response.status_code, response.json()["detail"]) == (403, archived)
    response = _patch(moderator_client, space, tree["tools"], {"name": "Autre"})
    assert (response.status_code, response.json()["detail"]) == (403, archived)
    response = moderator_client.delete(api_url("folder-detail", space, pk=tree["tools"].pk))
    assert (response.status_code, response.json()["detail"]) == (403, archived)
    assert Folder.objects.filter(space=space).count() == 4
    assert _folders(client, space)["Outils"]["can_manage"] is False


# --- bad input: 400 with field errors, never a 500 -----------------------------------------------


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Le nom du dossier est obligatoire."),
        ("   ", "Le nom du dossier est obligatoire."),
        ("x" * 121, "Le nom du dossier ne doit pas dépasser 120 caractères."),
        ("a/b", "Le nom du dossier ne peut pas contenir « / » ni « \\ »."),
    ],
)
def test_bad_names_are_field_errors(client, moderator_client, space, tree, name, message):
    response = client.post(api_url("folder-list", space), {"name": name}, format="json")
    assert response.status_code == 400
    assert response.json() == {"name": [message]}
    response = _patch(moderator_client, space, tree["tools"], {"name": name})
    assert response.status_code == 400
    assert response.json() == {"name": [message]}
    assert Folder.objects.filter(space=space).count() == 4


@pytest.mark.parametrize(
    "name", [None, 12, ["Outils"], {"nom": "Outils"}, "nul\x00caractère", "seul \ud800"]
)
def test_names_of_the_wrong_type_or_unstorable_are_field_errors(client, space, name):
    body = json.dumps({"name": name})
    response = client.generic("POST", api_url("folder-list", space), body, "application/json")
    if name == 12:  # a number is accepted as its text, like any CharField
        assert response.status_code == 201
        return
    assert response.status_code == 400
    assert list(response.json()) == ["name"]


def test_missing_name_is_required(client, space):
    response = client.post(api_url("folder-list", space), {}, format="json")
    assert response.status_code == 400
    assert response.json() == {"name": ["Champ requis."]}


@pytest.mark.parametrize(
    ("parent", "message"),
    [
        (987654, NOT_IN_SPACE),
        (-1, NOT_IN_SPACE),
        (2**63, NOT_IN_SPACE),
        (10**30, NOT_IN_SPACE),
        ("99999999999999999999999999", NOT_IN_SPACE),
        ("abc", NOT_AN_ID),
        ("1.5", NOT_AN_ID),
        (1.5, NOT_AN_ID),
        (True, NOT_AN_ID),
        ([1], NOT_AN_ID),
        ({"id": 1}, NOT_AN_ID),
    ],
)
def test_unknown_or_malformed_parents_are_field_errors(
    client, moderator_client, space, tree, parent, message
):
    response = client.post(
        api_url("folder-list", space), {"name": "Nouveau", "parent": parent}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"parent": [message]}
    response = _patch(moderator_client, space, tree["tools"], {"parent": parent})
    assert response.status_code == 400
    assert response.json() == {"parent": [message]}
    assert Folder.objects.filter(space=space).count() == 4
    assert Folder.objects.get(pk=tree["tools"].pk).parent is None


def test_a_parent_in_another_space_reads_as_unknown(
    client, moderator_client, space, other_space, tree
):
    foreign = Folder.objects.create(space=other_space, name="Ailleurs")
    response = client.post(
        api_url("folder-list", space), {"name": "Nouveau", "parent": foreign.pk}, format="json"
    )
    assert response.status_code == 400
    # The same message as for an id that does not exist: nothing leaks about other spaces.
    assert response.json() == {"parent": [NOT_IN_SPACE]}
    response = _patch(moderator_client, space, tree["tools"], {"parent": foreign.pk})
    assert response.json() == {"parent": [NOT_IN_SPACE]}
    assert Folder.objects.get(pk=tree["tools"].pk).parent is None
    assert not foreign.children.exists()


@pytest.mark.parametrize("param", ["folder", "parent"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("dossier", "Indiquez l'identifiant d'un dossier ou « root »."),
        ("", "Indiquez l'identifiant d'un dossier ou « root »."),
        ("-1", "Indiquez l'identifiant d'un dossier ou « root »."),
        ("1.0", "Indiquez l'identifiant d'un dossier ou « root »."),
        ("²", "Indiquez l'identifiant d'un dossier ou « root »."),
        ("ROOT", "Indiquez l'identifiant d'un dossier ou « root »."),
        ("987654", NOT_IN_SPACE),
        ("9" * 30, NOT_IN_SPACE),
    ],
)
def test_bad_folder_filters_are_field_errors(client, space, tree, param, value, message):
    name = "document-list" if param == "folder" else "folder-list"
    response = client.get(api_url(name, space), {param: value})
    assert response.status_code == 400
    assert response.json() == {param: [message]}


@pytest.mark.parametrize("param", ["folder", "parent"])
def test_a_folder_of_another_space_in_the_filter_is_a_field_error(
    client, space, other_space, param
):
    foreign = Folder.objects.create(space=other_space, name="Ailleurs")
    make_document(other_space, folder=foreign)
    name = "document-list" if param == "folder" else "folder-list"
    response = client.get(api_url(name, space), {param: foreign.pk})
    assert response.status_code == 400
    assert response.json() == {param: [NOT_IN_SPACE]}


def test_uploading_into_an_unknown_folder_is_a_field_error(client, space):
    response = client.post(
        api_url("document-list", space),
        {"file": upload("cr.pdf"), "folder": "abc"},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json() == {"folder": [NOT_AN_ID]}
    assert not Document.objects.filter(space=space).exists()


@pytest.mark.parametrize("pk", [987654, 2**63, 10**30])
def test_unknown_or_huge_folder_ids_in_the_path_are_404(client, moderator_client, space, pk):
    url = api_url("folder-detail", space, pk=pk)
    assert client.get(url).json() == {"detail": "Dossier introuvable."}
    assert moderator_client.patch(url, {"name": "x"}, format="json").status_code == 404
    assert moderator_client.delete(url).status_code == 404


def test_non_numeric_ids_in_the_path_are_json_404(client, space):
    response = client.get(f"/api/extranet/spaces/{space.slug}/folders/abc/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Adresse introuvable dans l'API de l'extranet."}


def test_malformed_json_is_a_400(moderator_client, space, tree):
    url = api_url("folder-detail", space, pk=tree["tools"].pk)
    response = moderator_client.generic("PATCH", url, '{"name": "Sans fin', "application/json")
    assert response.status_code == 400
    assert "JSON" in response.json()["detail"]
    response = moderator_client.patch(url, ["Outils"], format="json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_put_is_not_offered(moderator_client, space, tree):
    url = api_url("folder-detail", space, pk=tree["tools"].pk)
    response = moderator_client.put(url, {"name": "Autre"}, format="json")
    assert response.status_code == 405
    assert "detail" in response.json()


# --- two moves at once ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_crossed_moves_at_once_cannot_make_a_loop(space, member, moderator, monkeypatch):
    """A under B and B under A, at the same time: each request checks loops on the space's
    folders locked for its transaction, so the second sees the first's move and is refused.
    (Without the lock both would check the old tree, both would pass, and A and B would
    contain each other.) SQLite runs one writer at a time anyway."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks: PostgreSQL")
    from extranet.documents import services

    a = create_folder(space, member, "A")
    b = create_folder(space, member, "B")
    both_checked = threading.Barrier(2)
    save = services._save_folder

    def save_once_both_checked(folder):
        # Both requests wait here after their loop check; with the lock the second is still
        # blocked on it, so the first goes on alone after the timeout.
        with contextlib.suppress(threading.BrokenBarrierError):
            both_checked.wait(timeout=2)
        return save(folder)

    monkeypatch.setattr(services, "_save_folder", save_once_both_checked)
    statuses = {}

    def move(folder, into):
        try:
            client = token_client(moderator)
            response = client.patch(
                api_url("folder-detail", space, pk=folder.pk), {"parent": into.pk}, format="json"
            )
            statuses[folder.name] = (response.status_code, response.json())
        finally:
            connection.close()

    threads = [
        threading.Thread(target=move, args=(a, b)),
        threading.Thread(target=move, args=(b, a)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(status for status, _ in statuses.values()) == [200, 400]
    refused = next(body for status, body in statuses.values() if status == 400)
    assert refused == {
        "parent": ["Un dossier ne peut pas être déplacé dans l'un de ses sous-dossiers."]
    }
    parents = dict(Folder.objects.filter(space=space).values_list("name", "parent__name"))
    assert parents in ({"A": "B", "B": None}, {"A": None, "B": "A"})
