from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "extranet.forum"
    label = "forum"
    verbose_name = "Forum"

    def ready(self):
        from . import signals  # noqa: F401  (versions bumped by writes outside the services)
