"""`manage.py seed_demo`: build the demo site and extranet from the seeds (idempotent).

Thin on purpose: the work lives in `cms.demo.seed` and `extranet.demo.seed`, which tests call
directly. The demo creates accounts with printed passwords, so the command refuses to run
outside development unless explicitly forced.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.seed import ADMIN_EMAIL, ADMIN_PASSWORD, seed_cms


class Command(BaseCommand):
    help = "Crée le site et l'extranet de démonstration à partir des rapports d'activité."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Autoriser l'exécution hors développement (DEBUG désactivé). Déconseillé : "
            "la démo crée des comptes aux mots de passe connus.",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "seed_demo crée des comptes aux mots de passe connus : il ne s'exécute qu'en "
                "développement (DEBUG activé). Ajouter --force pour passer outre."
            )
        started = time.monotonic()
        seed_cms(stdout=self.stdout)
        member_login = None
        try:
            from extranet.demo.seed import extranet_available, seed_extranet
        except ImportError:
            extranet_available = None
        if extranet_available is not None and extranet_available():
            member_login = seed_extranet(stdout=self.stdout)
        else:
            self.stdout.write("Extranet : modèles absents, partie extranet ignorée.")
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Démo prête en {elapsed:.1f} s."))
        self.stdout.write("")
        self.stdout.write(f"  Administration : /admin/  —  {ADMIN_EMAIL} / {ADMIN_PASSWORD}")
        if member_login is not None:
            for label, email, password in member_login:
                self.stdout.write(f"  {label} : /extranet/  —  {email} / {password}")
        self.stdout.write(
            "  (mots de passe de démonstration, fixés à la création des comptes : s'ils ont "
            "été changés depuis, les nouveaux restent en vigueur)"
        )
