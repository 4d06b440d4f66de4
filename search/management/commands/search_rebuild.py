from django.core.management.base import BaseCommand, CommandError

from search import admin_indexes, engine_reindex, spelling
from search.sync import rebuild


def _duration(seconds):
    if seconds is None:
        return "?"
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


class Command(BaseCommand):
    help = (
        "Reconstruit tous les documents de recherche depuis leurs sources (parcours par clé, "
        "sans OFFSET) et les réindexe ; supprime ceux dont la source a disparu. Avec "
        "--from-documents : seulement l'index du moteur, depuis les documents enregistrés."
    )

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500)
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Recrée d'abord l'index du moteur (Elasticsearch : nouveaux réglages, mapping).",
        )
        parser.add_argument(
            "--from-documents",
            action="store_true",
            help="Remplit un nouvel index du moteur depuis les documents enregistrés, sans les "
            "reconstruire (nouveaux réglages ou mapping, nœud neuf ou vidé). Pas après un "
            "changement de ce que disent les documents (constructeurs, analyse du texte) : "
            "--reset seul.",
        )

    def handle(self, *args, chunk_size, reset, from_documents, **options):
        width = 30

        def show(progress):
            filled = int(width * progress.done / progress.total) if progress.total else width
            bar = "█" * filled + "·" * (width - filled)
            self.stdout.write(
                f"\r[{bar}] {progress.done}/{progress.total} · {progress.rate:.0f} doc/s · "
                f"reste {_duration(progress.eta)}",
                ending="",
            )
            self.stdout.flush()

        if from_documents:
            # The documents stay as they are (``search.engine_reindex``): only the engine's
            # index is new, and the vocabulary, read from the documents, is still right.
            result = engine_reindex.rebuild_engines(chunk_size=chunk_size, on_progress=show)
            if result is None:
                raise CommandError(
                    "--from-documents : aucun moteur de recherche configuré (la base lit les "
                    "documents enregistrés eux-mêmes)."
                )
            progress, reconciliation = result
            self.stdout.write("")
            self.stdout.write(
                f"{progress.done} document(s) envoyé(s) au moteur en "
                f"{_duration(progress.elapsed)} ({progress.rate:.0f} doc/s), "
                f"{reconciliation.pushed} renvoyé(s) (modifiés pendant la reconstruction), "
                f"{reconciliation.removed} retiré(s)."
            )
        else:
            progress, removed = rebuild(chunk_size=chunk_size, on_progress=show, reset_engine=reset)
            self.stdout.write("")
            self.stdout.write(
                f"{progress.done} source(s) traitée(s) en {_duration(progress.elapsed)} "
                f"({progress.rate:.0f} doc/s), {removed} document(s) orphelin(s) supprimé(s)."
            )
            # The vocabulary of « Vouliez-vous dire … ? » read again from the rebuilt
            # documents (words of documents gone are dropped), rather than by the first
            # search that finds nothing after the rebuild.
            spelling.reset()
            spelling.refresh()
        # On an engine, the admin's search reads Wagtail's own indexes: rebuilt here too, so
        # that this one command leaves every search box working (``search.admin_indexes``).
        written = admin_indexes.rebuild(
            on_model=lambda label, count: self.stdout.write(
                f"Recherche de l'administration : {label} ({count})"
            )
        )
        if written:
            self.stdout.write(f"Index de l'administration reconstruits : {written} objet(s).")
