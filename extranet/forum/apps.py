from django.apps import AppConfig


class ForumConfig(AppConfig):
    name = "extranet.forum"
    label = "forum"
    verbose_name = "Forum"
