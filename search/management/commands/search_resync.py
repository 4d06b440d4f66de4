from django.core.management.base import BaseCommand

from search.sync import resync


class Command(BaseCommand):
    help = "Rejoue les changements en attente d'indexation (file d'attente de la recherche)."

    def handle(self, *args, **options):
        report = resync()
        self.stdout.write(
            f"{report.applied} changement(s) appliqué(s), {report.remaining} en attente"
            + (" : moteur de recherche injoignable." if report.failed else ".")
        )
        if report.errors:
            self.stderr.write(
                f"{report.errors} source(s) non indexée(s) : voir « dernière erreur » des "
                "changements à indexer (nouvel essai au prochain passage)."
            )
        if report.failed or report.errors:
            raise SystemExit(1)
