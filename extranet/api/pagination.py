"""Page-number pagination of every list of the extranet API.

``?page=`` (20 items by default) and ``?page_size=`` up to 100. A page that is not a number or
is past the end answers 404 ``{"detail": "Page non valide."}`` (DRF's rule), never a 500.
"""

from rest_framework.pagination import PageNumberPagination


class ExtranetPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
