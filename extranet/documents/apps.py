from django.apps import AppConfig


class DocumentsExtranetConfig(AppConfig):
    name = "extranet.documents"
    label = "documents_extranet"
    verbose_name = "Documents partagés"

    def ready(self):
        from . import checks, signals  # noqa: F401  (file clean-up, storage location check)
