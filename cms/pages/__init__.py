"""Page types, one module per family. ``cms.models`` re-exports them for Django."""

from .base import BasePage, BodyMixin, ListingIndexPage, ListingMixin, TaxonomyMixin
from .blog import BlogIndexPage, BriefPage
from .dossiers import DossierIndexPage, DossierKind, DossierPage
from .events import EventIndexPage, EventPage
from .home import HomeFeaturedDossier, HomePage
from .news import NewsIndexPage, NewsPage
from .newsletters import NewsletterIndexPage, NewsletterIssuePage
from .panoramas import PressItem, PressPanoramaIndexPage, PressPanoramaPage
from .publications import (
    PublicationContributor,
    PublicationIndexPage,
    PublicationKind,
    PublicationPage,
)
from .standard import StandardPage

__all__ = [
    "BasePage",
    "BlogIndexPage",
    "BodyMixin",
    "BriefPage",
    "DossierIndexPage",
    "DossierKind",
    "DossierPage",
    "EventIndexPage",
    "EventPage",
    "HomeFeaturedDossier",
    "HomePage",
    "ListingIndexPage",
    "ListingMixin",
    "NewsIndexPage",
    "NewsPage",
    "NewsletterIndexPage",
    "NewsletterIssuePage",
    "PressItem",
    "PressPanoramaIndexPage",
    "PressPanoramaPage",
    "PublicationContributor",
    "PublicationIndexPage",
    "PublicationKind",
    "PublicationPage",
    "StandardPage",
    "TaxonomyMixin",
]
