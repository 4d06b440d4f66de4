"""The ``/api/v2/`` router. ``pages`` is registered before ``page_preview`` so that links to
pages (``detail_url``) point to the pages endpoint."""

from wagtail.api.v2.router import WagtailAPIRouter

from cms.preview.api import PagePreviewEndpoint

from .endpoints import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
api_router.register_endpoint("page_preview", PagePreviewEndpoint)
