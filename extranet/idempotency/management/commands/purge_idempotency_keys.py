"""Forget the creation keys past their life (run hourly by the scheduler)."""

from django.core.management.base import BaseCommand

from extranet.idempotency.keys import purge_expired


class Command(BaseCommand):
    help = "Supprime les clés d'idempotence expirées (IDEMPOTENCY_KEY_TTL)."

    def handle(self, *args, **options):
        deleted = purge_expired()
        if options["verbosity"]:
            self.stdout.write(f"{deleted} clé(s) d'idempotence expirée(s) supprimée(s).")
