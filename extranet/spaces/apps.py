from django.apps import AppConfig


class SpacesConfig(AppConfig):
    name = "extranet.spaces"
    label = "spaces"
    verbose_name = "Espaces"
