from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "extranet.notifications"
    label = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        # Connects the receivers of the forum's signals: ``post_flagged`` (moderators are
        # told), ``post_published`` and ``mentions_added`` (members are e-mailed).
        from . import announcements, flags  # noqa: F401
