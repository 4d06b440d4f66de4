from django.core.management.base import BaseCommand

from extranet.spaces import grants


class Command(BaseCommand):
    help = (
        "Recalcule les permissions des membres sur les espaces à partir de leur rôle "
        "(après une modification de ROLE_PERMISSIONS ou des écritures en masse)."
    )

    def handle(self, *args, **options):
        count = grants.sync_all()
        self.stdout.write(self.style.SUCCESS(f"{count} adhésion(s) synchronisée(s)."))
