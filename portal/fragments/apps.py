from django.apps import AppConfig


class FragmentsConfig(AppConfig):
    name = "portal.fragments"
    label = "fragments"
    verbose_name = "Fragments en cache"

    def ready(self):
        # Here, for every process (web, task workers, commands, shells): a write anywhere
        # bumps what the fragments it changes are keyed on.
        from .wiring import connect

        connect()
