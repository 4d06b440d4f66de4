import os
import socket

from django.core.management import call_command
from django.core.management.base import BaseCommand

from portal.operations.heartbeat import Heartbeat
from portal.operations.migrations import wait_for_migrations_or_fail
from portal.operations.workers import requeue_claimed_by


class Command(BaseCommand):
    help = (
        "Lance un worker des tâches de fond (django-tasks) sous un identifiant stable : il attend "
        "que la base soit migrée, remet en file les tâches que son lancement précédent a laissées "
        "en cours, puis exécute la file demandée (db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--queue-name",
            default="default",
            help="File(s) à traiter, séparées par des virgules (défaut : default).",
        )
        parser.add_argument(
            "--worker-id",
            default=os.environ.get("WORKER_ID", ""),
            help="Identifiant stable du worker (défaut : $WORKER_ID, sinon machine-file).",
        )
        parser.add_argument("--wait-for-migrations", type=int, default=300, metavar="SECONDES")
        parser.add_argument("--interval", type=float, default=1.0)
        parser.add_argument(
            "--heartbeat-file",
            default=os.environ.get("HEARTBEAT_FILE", ""),
            help="Fichier touché toutes les 30 s tant que la base répond (healthcheck).",
        )

    def handle(
        self,
        *args,
        queue_name,
        worker_id,
        wait_for_migrations,
        interval,
        heartbeat_file,
        **options,
    ):
        # Stable: a container restarted keeps its host name, so it finds what it left.
        worker_id = worker_id or f"{socket.gethostname()}-{queue_name.replace(',', '+')}"[:64]
        wait_for_migrations_or_fail(wait_for_migrations, say=self.stdout.write)
        if heartbeat_file:
            Heartbeat(heartbeat_file).start()
        requeued = requeue_claimed_by(worker_id)
        if requeued:
            self.stdout.write(f"{requeued} tâche(s) interrompue(s) remise(s) en file.")
        call_command(
            "db_worker",
            queue_name=queue_name,
            worker_id=worker_id,
            interval=interval,
            reload=False,
            verbosity=options.get("verbosity", 1),
        )
