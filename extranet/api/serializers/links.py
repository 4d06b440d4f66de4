"""Absolute links between API resources (what DRF's own pagination links look like)."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def api_url(context, name, **kwargs):
    path = reverse(f"extranet_api:{name}", kwargs=kwargs)
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@extend_schema_field(OpenApiTypes.URI)
class LinkField(serializers.Field):
    """A read-only link to another endpoint: ``LinkField("topic-detail", pk="pk")`` maps URL
    arguments to attribute paths of the object (``space_slug`` comes from the space)."""

    def __init__(self, view_name, **url_attributes):
        self.view_name = view_name
        self.url_attributes = url_attributes
        super().__init__(source="*", read_only=True)

    def to_representation(self, instance):
        kwargs = {}
        for argument, path in self.url_attributes.items():
            value = instance
            for part in path.split("."):
                value = getattr(value, part)
            kwargs[argument] = value
        return api_url(self.context, self.view_name, **kwargs)
