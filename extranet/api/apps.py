from django.apps import AppConfig


class ExtranetApiConfig(AppConfig):
    name = "extranet.api"
    label = "extranet_api"
    verbose_name = "API de l'extranet"
