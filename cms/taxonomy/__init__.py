"""Shared taxonomies (themes, territories, networks), editable by staff as Wagtail snippets."""

from .networks import Network
from .territories import Territory, TerritoryLevel
from .themes import Theme

__all__ = ["Network", "Territory", "TerritoryLevel", "Theme"]
