"""Stock Wagtail's pages API, mounted for ``bench.cms_api`` only: the yardstick of issue 16's
targets (the portal's cold listing at most half its CPU, the cold detail no more than it).

``PagesAPIViewSet`` as Wagtail 8 ships it, on the portal's page models and their
``api_fields`` (the same page shape, the same serialisers of images, taxonomies and bodies),
without anything the portal adds in ``cms.api``: no response cache, no prefetching, no
visibility rules beyond Wagtail's own (live, public, the site), indented JSON. Two settings
differ from a bare install, because the portal's DRF defaults are meant for the extranet API:
anonymous access (``AllowAny``, DRF's own default) and no authentication class.
"""

from rest_framework.permissions import AllowAny
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

PREFIX = "/bench/wagtail-api/v2/"


class StockPagesAPIViewSet(PagesAPIViewSet):
    authentication_classes = []
    permission_classes = [AllowAny]


stock_api_router = WagtailAPIRouter("bench_wagtail_api")
stock_api_router.register_endpoint("pages", StockPagesAPIViewSet)
