"""Included at ``/api/schema/`` by portal/urls.py."""

from django.urls import path

from .schema import ExtranetSchemaView

urlpatterns = [path("", ExtranetSchemaView.as_view(), name="api_schema")]
