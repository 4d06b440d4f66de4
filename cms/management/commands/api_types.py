"""`manage.py api_types`: write the TypeScript types of /api/v2/ (docs/api-types.ts).

Thin on purpose: `cms.api.typescript` does the work; tests compare its output with the
committed file. `--check` only says whether the file is up to date (exit status 1 if not).
"""

from django.core.management.base import BaseCommand, CommandError

from cms.api import typescript


class Command(BaseCommand):
    help = "Écrit les types TypeScript de l'API de contenu (/api/v2/) dans docs/api-types.ts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check",
            action="store_true",
            help="Vérifie seulement que le fichier est à jour (code de sortie 1 sinon).",
        )

    def handle(self, *args, check=False, **options):
        path = typescript.TYPES_PATH
        if check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != typescript.render():
                raise CommandError(f"{path} n'est pas à jour : lancer manage.py api_types.")
            self.stdout.write(f"{path} est à jour.")
            return
        changed = typescript.write()
        self.stdout.write(f"{path} {'écrit' if changed else 'déjà à jour'}.")
