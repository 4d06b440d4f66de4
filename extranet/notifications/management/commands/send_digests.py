"""Send the periodic digests (cron: daily, weekly on Mondays, monthly on the 1st)."""

from datetime import datetime, time
from time import monotonic

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.dateparse import parse_date

from extranet.notifications.digest import send_digests
from extranet.notifications.models import DigestFrequency

LABELS = {"daily": "quotidiens", "weekly": "hebdomadaires", "monthly": "mensuels"}


class Command(BaseCommand):
    help = "Envoie les récapitulatifs de la dernière période complète (une seule fois par membre)."

    def add_arguments(self, parser):
        parser.add_argument("--frequency", required=True, choices=sorted(LABELS))
        parser.add_argument(
            "--date",
            help="Date de référence AAAA-MM-JJ (défaut : aujourd'hui) ; la période est celle "
            "qui précède.",
        )

    def handle(self, *args, frequency, date=None, **options):
        now = None
        if date:
            day = parse_date(date)
            if day is None:
                raise CommandError("Date invalide : utilisez le format AAAA-MM-JJ.")
            now = timezone.make_aware(datetime.combine(day, time.min))
        started = monotonic()

        def progress(done, total):
            if done == total or done % 50 == 0:
                elapsed = max(monotonic() - started, 1e-6)
                rate = done / elapsed
                remaining = (total - done) / rate if rate else 0
                self.stdout.write(
                    f"  {done}/{total} membres ({rate:.1f}/s, reste ~{remaining:.0f} s)"
                )

        report = send_digests(DigestFrequency(frequency), now=now, progress=progress)
        self.stdout.write(
            self.style.SUCCESS(
                f"Récapitulatifs {LABELS[frequency]} du {report.period_start:%d/%m/%Y} au "
                f"{report.period_end:%d/%m/%Y} (exclu) : {report.sent} envoyé(s), "
                f"{report.empty} vide(s), {report.already_sent} déjà envoyé(s), "
                f"{report.failed} en échec."
            )
        )
