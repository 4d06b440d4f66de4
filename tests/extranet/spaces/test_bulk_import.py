"""Staff CSV import: a report line per row, idempotent, tolerant of French spreadsheets."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied

from extranet.spaces import permissions
from extranet.spaces.bulk_import import Outcome, import_members
from extranet.spaces.models import Membership
from tests.factories.users import UserFactory

User = get_user_model()

CSV = (
    "e-mail,nom,organisation\n"
    "ines.nouvelle@exemple.org,Inès Nouvelle,Mairie de Sète\n"
    "membre@exemple.org,Camille Membre,CCAS\n"
    "pas-une-adresse,Quelqu'un,Ailleurs\n"
    "INES.NOUVELLE@exemple.org,Inès Nouvelle,Mairie de Sète\n"
    "colonnes@exemple.org,Manque\n"
    "\n"
    "existant@exemple.org,Ex Istant,Département\n"
)


def _outcomes(report):
    return [(line.line, line.email, line.outcome, line.detail) for line in report.lines]


def test_report_lists_added_already_member_and_skipped_with_reasons(space, member, staff):
    UserFactory(email="existant@exemple.org")
    report = import_members(by=staff, space=space, content=CSV.encode())
    assert report.error == ""
    assert _outcomes(report) == [
        (2, "ines.nouvelle@exemple.org", Outcome.ADDED, "compte créé"),
        (3, "membre@exemple.org", Outcome.ALREADY_MEMBER, ""),
        (4, "pas-une-adresse", Outcome.SKIPPED, "adresse e-mail invalide"),
        (
            5,
            "ines.nouvelle@exemple.org",
            Outcome.SKIPPED,
            "ligne en double (même adresse que la ligne 2)",
        ),
        (
            6,
            "colonnes@exemple.org",
            Outcome.SKIPPED,
            "colonne manquante (2 colonne(s) au lieu de 3)",
        ),
        (8, "existant@exemple.org", Outcome.ADDED, "compte existant"),
    ]
    assert report.summary() == "2 ajouté·e·s, 1 déjà membres, 3 ignoré·e·s."


def test_created_accounts_carry_name_and_organisation_and_no_password(space, staff):
    import_members(by=staff, space=space, content=CSV.encode())
    user = User.objects.get(email="ines.nouvelle@exemple.org")
    assert (user.first_name, user.last_name, user.organisation) == (
        "Inès",
        "Nouvelle",
        "Mairie de Sète",
    )
    assert not user.has_usable_password()
    assert permissions.can_post(user, space)


def test_import_is_idempotent(space, staff):
    import_members(by=staff, space=space, content=CSV.encode())
    count = Membership.objects.filter(space=space).count()
    again = import_members(by=staff, space=space, content=CSV.encode())
    assert Membership.objects.filter(space=space).count() == count
    assert again.added == []
    assert {line.email for line in again.already_members} == {
        "ines.nouvelle@exemple.org",
        "membre@exemple.org",
        "existant@exemple.org",
    }


def test_semicolons_and_utf8_bom_are_accepted(space, staff):
    content = "\ufeffCourriel;Nom;Structure\r\nlea@exemple.org;Léa Durand;Régie de quartier\r\n"
    report = import_members(by=staff, space=space, content=content.encode("utf-8"))
    assert [line.outcome for line in report.lines] == [Outcome.ADDED]
    assert User.objects.get(email="lea@exemple.org").organisation == "Régie de quartier"


def test_excel_windows_1252_export_is_accepted(space, staff):
    content = "E-mail;Prénom;Nom;Organisation\nelo@exemple.org;Éloïse;Martin;Centre social\n"
    report = import_members(by=staff, space=space, content=content.encode("cp1252"))
    assert [line.outcome for line in report.lines] == [Outcome.ADDED]
    user = User.objects.get(email="elo@exemple.org")
    assert (user.first_name, user.last_name) == ("Éloïse", "Martin")


def test_file_without_header_reads_email_name_organisation(space, staff):
    report = import_members(
        by=staff, space=space, content=b"sans-entete@exemple.org,Sam Tete,AFEV\n"
    )
    assert [(line.line, line.outcome) for line in report.lines] == [(1, Outcome.ADDED)]


def test_file_without_an_email_column_is_refused_whole(space, staff):
    report = import_members(by=staff, space=space, content=b"nom,organisation\nSam,AFEV\n")
    assert "Colonne « e-mail » introuvable" in report.error
    assert report.lines == []


def test_empty_file_is_refused(space, staff):
    assert import_members(by=staff, space=space, content=b"\n\n").error == "Le fichier est vide."


def test_deactivated_account_is_skipped(space, staff):
    UserFactory(email="parti@exemple.org", is_active=False)
    report = import_members(by=staff, space=space, content=b"email\nparti@exemple.org\n")
    assert [(line.outcome, line.detail) for line in report.lines] == [
        (Outcome.SKIPPED, "compte désactivé")
    ]


def test_only_staff_may_import(space, owner):
    with pytest.raises(PermissionDenied):
        import_members(by=owner, space=space, content=CSV.encode())
