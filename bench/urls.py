"""URLs of the benchmarks: the baseline view, then every URL of the portal."""

from django.urls import include, path

from .views import baseline

urlpatterns = [
    # Before the portal's URLs: Wagtail's page serving is a catch-all.
    path("bench/baseline/", baseline, name="bench_baseline"),
    path("", include("portal.urls")),
]
