"""`manage.py seed_demo`: build the demo site and extranet from the seeds (idempotent).

Thin on purpose: the work lives in `cms.demo.seed` and `extranet.demo.seed`, which tests call
directly. The demo creates accounts with printed passwords, so the command refuses to run
outside development unless explicitly forced.
"""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.demo.seed import ADMIN_EMAIL, ADMIN_PASSWORD, seed_cms

# Wagtail logs every page created and published, django-tasks every task it runs: hundreds of
# lines that would bury the logins this command exists to print.
CHATTY_LOGGERS = ("wagtail", "django_tasks")


@contextmanager
def _quiet_loggers(names):
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


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
        with _quiet_loggers(CHATTY_LOGGERS):
            logins = self._seed()
        self._print_logins(time.monotonic() - started, logins)

    def _seed(self):
        """Seed the site, then the extranet when its apps are installed; return its logins."""
        seed_cms(stdout=self.stdout)
        try:
            from extranet.demo.seed import extranet_available, seed_extranet
        except ImportError:  # the extranet part of the demo is not installed
            extranet_available = None
        if extranet_available is None or not extranet_available():
            self.stdout.write("Extranet : modèles absents, partie extranet ignorée.")
            return []
        return seed_extranet(stdout=self.stdout).logins

    def _print_logins(self, elapsed, logins):
        self.stdout.write(self.style.SUCCESS(f"Démo prête en {elapsed:.1f} s."))
        self.stdout.write("")
        self.stdout.write(f"  Administration : /admin/  —  {ADMIN_EMAIL} / {ADMIN_PASSWORD}")
        for label, email, password in logins:
            self.stdout.write(f"  {label} : /extranet/  —  {email} / {password}")
        self.stdout.write(
            "  (mots de passe de démonstration, fixés à la création des comptes : s'ils ont "
            "été changés depuis, les nouveaux restent en vigueur)"
        )
