import os
import signal

from django.core.management.base import BaseCommand

from portal.operations import schedule
from portal.operations.heartbeat import Heartbeat
from portal.operations.migrations import wait_for_migrations_or_fail


class Command(BaseCommand):
    help = (
        "Lance les tâches périodiques de la production (publication programmée, resynchronisation "
        "de la recherche, récapitulatifs, nettoyage) ; --once les lance une fois et s'arrête."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Un seul tour, puis s'arrêter.")
        parser.add_argument(
            "--wait-for-migrations",
            type=int,
            default=300,
            metavar="SECONDES",
            help="Attendre au plus ce temps que la base soit migrée (défaut : 300).",
        )
        parser.add_argument(
            "--heartbeat-file",
            default=os.environ.get("HEARTBEAT_FILE", ""),
            help="Fichier touché toutes les 30 s tant que la base répond (healthcheck).",
        )

    def handle(self, *args, once=False, wait_for_migrations=300, heartbeat_file="", **options):
        wait_for_migrations_or_fail(wait_for_migrations, say=self.stdout.write)
        if once:
            failed = [job.name for job in schedule.JOBS if not schedule.run_job(job)]
            if failed:
                raise SystemExit(f"En échec : {', '.join(failed)}")
            return
        if heartbeat_file:
            Heartbeat(heartbeat_file).start()
        stopping = []

        def stop(signum, frame):
            stopping.append(signum)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.write(
            "Planificateur démarré : "
            + ", ".join(f"{job.name} (toutes les {job.every})" for job in schedule.JOBS)
        )
        schedule.run_forever(should_stop=lambda: bool(stopping))
        self.stdout.write("Planificateur arrêté.")
