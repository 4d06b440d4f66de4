import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.operations.site import configure_default_site


class Command(BaseCommand):
    help = (
        "Donne au site Wagtail par défaut le nom d'hôte et le port de son adresse publique "
        "(SITE_URL, sinon WAGTAILADMIN_BASE_URL) : flux, plan du site et liens absolus."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="Adresse publique du site.")

    def handle(self, *args, url="", **options):
        url = url or os.environ.get("SITE_URL") or settings.WAGTAILADMIN_BASE_URL
        try:
            site = configure_default_site(url)
        except ValueError as error:
            raise CommandError(str(error)) from None
        if site is None:
            self.stdout.write("Aucun site Wagtail par défaut pour l'instant : rien à faire.")
        else:
            self.stdout.write(f"Site par défaut : {site.hostname}:{site.port}")
