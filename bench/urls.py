"""URLs of the benchmarks: the baseline view, then every URL of the portal."""

from django.urls import include, path

from .stock_wagtail import PREFIX, stock_api_router
from .views import baseline, layout_floor, session_floor

urlpatterns = [
    # Before the portal's URLs: Wagtail's page serving is a catch-all.
    path("bench/baseline/", baseline, name="bench_baseline"),
    # Diagnostics: what a logged-in request and the extranet layout cost on their own.
    path("bench/session/", session_floor, name="bench_session"),
    path("bench/layout/", layout_floor, name="bench_layout"),
    # Stock Wagtail's pages API, the yardstick of bench.cms_api's cold scenarios.
    path(PREFIX.lstrip("/"), stock_api_router.urls),
    path("", include("portal.urls")),
]
