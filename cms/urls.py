from django.urls import include, path  # noqa: F401

urlpatterns = [
    # RSS/Atom of news and briefs, iCal of the agenda (under /flux/).
    path("", include("cms.feeds.urls")),
    # sitemap.xml and robots.txt.
    path("", include("cms.seo.urls")),
    # The site plan (/plan-du-site/), computed from the page tree.
    path("", include("cms.navigation.urls")),
    # Flash Info subscription: subscribe, confirm, unsubscribe (/lettre-d-information/).
    path("", include("cms.newsletter.urls")),
    # Headless API: /api/v2/ (pages, images, documents, page_preview).
    path("", include("cms.api.urls")),
]
