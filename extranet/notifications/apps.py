from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "extranet.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        # Connects the receiver of the forum's ``post_flagged`` (moderators are told).
        from . import flags  # noqa: F401
