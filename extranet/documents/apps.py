from django.apps import AppConfig


class DocumentsExtranetConfig(AppConfig):
    name = "extranet.documents"
    label = "documents_extranet"
    verbose_name = "Documents partagés"
