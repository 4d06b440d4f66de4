"""Routes read by search engines."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from .sitemaps import PortalSitemap
from .views import RobotsView

app_name = "seo"

urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PortalSitemap}}, name="sitemap"),
    path("robots.txt", RobotsView.as_view(), name="robots_txt"),
]
