from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "extranet.accounts"
    label = "accounts"
    verbose_name = "Comptes"

    def ready(self):
        from . import signals  # noqa: F401  (login failure counting for the lock-out)
