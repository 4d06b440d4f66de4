"""The ``/api/v2/`` router (pages, images, documents, page_preview, redirects).

``pages`` is registered before ``page_preview`` so that links to pages (``detail_url``)
point to the pages endpoint.

The public endpoints answer from the response cache (``cms.api.cache``); the preview endpoint
never does: its answers depend on a token and show unpublished revisions.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from cms.generation import MEDIA
from cms.preview.api import PagePreviewEndpoint

from .cache import CachedResponseMixin
from .endpoints import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint, RedirectsEndpoint


class CachedPagesEndpoint(CachedResponseMixin, PagesEndpoint):
    pass


class CachedImagesEndpoint(CachedResponseMixin, ImagesEndpoint):
    generation_scope = MEDIA  # no page in these answers: a publication leaves them cached


class CachedDocumentsEndpoint(CachedResponseMixin, DocumentsEndpoint):
    generation_scope = MEDIA


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CachedPagesEndpoint)
api_router.register_endpoint("images", CachedImagesEndpoint)
api_router.register_endpoint("documents", CachedDocumentsEndpoint)
api_router.register_endpoint("page_preview", PagePreviewEndpoint)
# Not cached: editing a redirect starts no content generation, and each answer is small.
api_router.register_endpoint("redirects", RedirectsEndpoint)
