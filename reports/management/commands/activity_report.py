"""`manage.py activity_report --year 2023 --format csv|json|md`: the activity report of a year.

Thin: the figures come from ``reports.report`` and the formats from ``reports.exports``.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reports.exports import FORMATS, SEPARATORS, render
from reports.period import FIRST_YEAR, current_year, valid_year
from reports.report import build_report


class Command(BaseCommand):
    help = (
        "Calcule le bilan d'activité d'une année (réseaux et champs d'intervention), en CSV, "
        "JSON ou Markdown. Des nombres seulement : aucune donnée personnelle."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--year",
            default=str(current_year() - 1),
            help="Année du bilan (par défaut l'année dernière).",
        )
        parser.add_argument("--format", choices=FORMATS, default="md", dest="fmt")
        parser.add_argument(
            "--separator",
            choices=SEPARATORS,
            default=",",
            help="Séparateur du CSV : « ; » pour les tableurs en français.",
        )
        parser.add_argument(
            "--compare",
            action="store_true",
            help="Ajouter les chiffres de l'année précédente (évolution).",
        )
        parser.add_argument("--output", help="Fichier où écrire le bilan (sinon la sortie).")

    def handle(self, *args, year, fmt, separator, compare, output, **options):
        number = valid_year(year)
        if number is None:
            raise CommandError(
                f"Année invalide : « {year} » (une année entre {FIRST_YEAR} et {current_year()})."
            )
        text = render(build_report(number, compare=compare), fmt, separator)
        if output:
            # CSV keeps its own line endings (\r\n, as the format says).
            Path(output).write_text(text, encoding="utf-8", newline="")
            self.stderr.write(f"Bilan {number} écrit dans {output}.")
        else:
            self.stdout.write(text, ending="")
