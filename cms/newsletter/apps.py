from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "cms.newsletter"
    label = "newsletter"
    verbose_name = "Flash Info (lettre d'information)"
    default_auto_field = "django.db.models.BigAutoField"
