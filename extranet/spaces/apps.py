from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "extranet.spaces"
    label = "spaces"
    verbose_name = "Espaces"

    def ready(self):
        from . import signals  # noqa: F401  (connects the membership → permission sync)
