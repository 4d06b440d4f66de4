from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = "Contenus éditoriaux"

    def ready(self):
        # Here, not in the API's modules: processes that never load the URLconf (the
        # ``publish_scheduled`` command, task workers) must invalidate the API cache too.
        from cms.api.cache import connect_signals

        connect_signals()
