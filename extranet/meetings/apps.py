from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "extranet.meetings"
    label = "meetings"
    verbose_name = "Rencontres"
