from django.apps import AppConfig


class IdempotencyConfig(AppConfig):
    name = "extranet.idempotency"
    label = "idempotency"
    verbose_name = "Envois uniques (clés d'idempotence)"
