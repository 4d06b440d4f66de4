"""Staff bulk import of members into a space from a CSV (e-mail, name, organisation).

Accepts what spreadsheets export in France: `,` or `;` (or tab) separators, UTF-8 with or
without BOM, Windows-1252 as a fallback; a header row with French or English column names, or
no header at all (columns then read as e-mail, name, organisation). Idempotent: importing the
same file twice adds nobody the second time. New accounts get no usable password: the person
sets one through "mot de passe oublié" (or accepts an invitation).

Every line ends in the report: added, already a member, or skipped with the reason.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from .invitations import normalise_email
from .models import Membership, Space
from .roles import Role
from .services import add_member

# Normalised header (lower case, no accents, no spaces/dashes/underscores) → field.
HEADER_ALIASES = {
    "email": "email",
    "mail": "email",
    "courriel": "email",
    "adressemail": "email",
    "adresseemail": "email",
    "adressecourriel": "email",
    "nom": "name",
    "name": "name",
    "nomcomplet": "name",
    "nomprenom": "name",
    "prenomnom": "name",
    "fullname": "name",
    "prenom": "first_name",
    "firstname": "first_name",
    "nomdefamille": "last_name",
    "lastname": "last_name",
    "organisation": "organisation",
    "organization": "organisation",
    "structure": "organisation",
    "organisme": "organisation",
}
POSITIONAL = ["email", "name", "organisation"]


class Outcome:
    ADDED = "added"
    ALREADY_MEMBER = "already_member"
    SKIPPED = "skipped"


@dataclass
class ImportLine:
    line: int
    email: str
    outcome: str
    detail: str = ""


@dataclass
class ImportReport:
    lines: list[ImportLine] = field(default_factory=list)
    error: str = ""  # the whole file was refused (no e-mail column, unreadable…)

    def _with(self, outcome):
        return [line for line in self.lines if line.outcome == outcome]

    @property
    def added(self):
        return self._with(Outcome.ADDED)

    @property
    def already_members(self):
        return self._with(Outcome.ALREADY_MEMBER)

    @property
    def skipped(self):
        return self._with(Outcome.SKIPPED)

    def summary(self):
        if self.error:
            return self.error
        return (
            f"{len(self.added)} ajouté·e·s, {len(self.already_members)} déjà membres, "
            f"{len(self.skipped)} ignoré·e·s."
        )


def _normalise_header(cell):
    text = unicodedata.normalize("NFKD", cell.strip().lower().lstrip("\ufeff"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    return "".join(char for char in text if char.isalnum())


def decode(content) -> str:
    if isinstance(content, str):
        return content.lstrip("\ufeff")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _delimiter(first_line):
    counts = {sep: first_line.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _columns(first_row):
    """Map field → column index from a header row, or None when the row is data."""
    mapping = {}
    for index, cell in enumerate(first_row):
        name = HEADER_ALIASES.get(_normalise_header(cell))
        if name and name not in mapping:
            mapping[name] = index
    if mapping:
        return mapping
    return None


def _split_name(row, columns):
    def cell(name):
        index = columns.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    first, last = cell("first_name"), cell("last_name")
    full = cell("name")
    if full and not (first or last):
        # "Prénom Nom": the first word is taken as the first name.
        first, _, last = full.partition(" ")
    elif full and not last:
        last = full
    return first, last.strip(), cell("organisation")


def import_members(*, by, space: Space, content, role: str = Role.MEMBER) -> ImportReport:
    """Import the CSV `content` (bytes or str) into `space`; only active staff may do it."""
    if not (by.is_active and by.is_staff and by.has_perm("spaces.change_space")):
        raise PermissionDenied("Seule l'équipe R&T peut importer des membres.")
    report = ImportReport()
    text = decode(content)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    reader = csv.reader(io.StringIO(text), delimiter=_delimiter(first_line))
    # (line number in the file, cells) for every non-blank row.
    try:
        rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    except csv.Error as error:
        report.error = f"Fichier CSV illisible (ligne {reader.line_num}) : {error}."
        return report
    if not rows:
        report.error = "Le fichier est vide."
        return report

    columns = _columns(rows[0][1])
    if columns is None and any("@" in cell for cell in rows[0][1]):
        # No header: the first line is already a member.
        columns = {name: index for index, name in enumerate(POSITIONAL)}
        expected_width = 1  # name and organisation may be left out
    else:
        rows = rows[1:]
        expected_width = max(columns.values()) + 1 if columns else 0
    if not columns or "email" not in columns:
        report.error = (
            "Colonne « e-mail » introuvable dans la première ligne. Colonnes attendues : "
            "e-mail, nom, organisation."
        )
        return report

    User = get_user_model()
    seen = {}
    with transaction.atomic():
        for number, row in rows:
            raw_email = row[columns["email"]].strip() if columns["email"] < len(row) else ""
            if len(row) < expected_width:
                report.lines.append(
                    ImportLine(
                        number,
                        raw_email,
                        Outcome.SKIPPED,
                        f"colonne manquante ({len(row)} colonne(s) au lieu de {expected_width})",
                    )
                )
                continue
            try:
                email = normalise_email(raw_email)
            except ValidationError:
                report.lines.append(
                    ImportLine(number, raw_email, Outcome.SKIPPED, "adresse e-mail invalide")
                )
                continue
            if email in seen:
                report.lines.append(
                    ImportLine(
                        number,
                        email,
                        Outcome.SKIPPED,
                        f"ligne en double (même adresse que la ligne {seen[email]})",
                    )
                )
                continue
            seen[email] = number

            user = User.objects.filter(email__iexact=email).first()
            if user is not None and not user.is_active:
                report.lines.append(ImportLine(number, email, Outcome.SKIPPED, "compte désactivé"))
                continue
            if user is not None and Membership.objects.filter(space=space, user=user).exists():
                report.lines.append(ImportLine(number, email, Outcome.ALREADY_MEMBER))
                continue
            detail = "compte existant"
            if user is None:
                first_name, last_name, organisation = _split_name(row, columns)
                user = User.objects.create_user(
                    email=email,
                    password=None,  # unusable until the person sets one
                    first_name=first_name,
                    last_name=last_name,
                    organisation=organisation,
                )
                detail = "compte créé"
            add_member(space=space, user=user, role=role, invited_by=by)
            report.lines.append(ImportLine(number, email, Outcome.ADDED, detail))
    return report
