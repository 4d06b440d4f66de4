from django.apps import AppConfig


class MailingConfig(AppConfig):
    name = "portal.mailing"
    label = "mailing"
    verbose_name = "Envoi des e-mails"
    default_auto_field = "django.db.models.BigAutoField"
