"""Models of the cms app, defined in ``cms.taxonomy``, ``cms.pages`` and ``cms.generation`` and
re-exported here so Django (and ``from cms.models import NewsPage``) finds them."""

from cms.generation import ContentGeneration
from cms.navigation.settings import AccessibilityStatus, FooterSettings
from cms.pages import *  # noqa: F403
from cms.pages import __all__ as _pages_all
from cms.taxonomy import Network, Territory, TerritoryLevel, Theme

__all__ = [
    *_pages_all,
    "AccessibilityStatus",
    "ContentGeneration",
    "FooterSettings",
    "Network",
    "Territory",
    "TerritoryLevel",
    "Theme",
]
