"""Wagtail's ``limit``/``offset`` pagination, safe for any offset.

``offset`` far beyond the end (``offset=10**30``) reaches SQLite as an integer it cannot
hold (500 with Wagtail's class). The count is known before slicing, so an offset past the
end answers an empty page without querying rows.
"""

from wagtail.api.v2.pagination import WagtailPagination


class PortalPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > 0:
            total = queryset.count()
            if int(offset) >= total:
                # Validate limit the same way, then answer an empty page.
                super().paginate_queryset(queryset.none(), request, view)
                self.total_count = total
                return []
        return super().paginate_queryset(queryset, request, view)
