from django.apps import AppConfig


class WebConfig(AppConfig):
    """The extranet's web pages (views, forms, cached fragments) and their template tags
    (``{% load extranet_links %}``): an app so that its tags live beside the links they
    reverse, rather than in ``spaces``, which the web pages import."""

    name = "extranet.web"
    label = "extranet_web"
    verbose_name = "Extranet : pages web"
