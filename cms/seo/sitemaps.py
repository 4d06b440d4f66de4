"""The sitemap of the public site, on top of ``wagtail.contrib.sitemaps``.

Wagtail's sitemap already keeps only live pages outside view-restricted sections
(``.live().public()``), for the requested site, with ``lastmod`` from the last publication.
This subclass also leaves out pages whose ``expire_at`` has passed but that
``publish_scheduled`` has not unpublished yet: a search engine should not be sent to a page
that is about to disappear.
"""

from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap


class PortalSitemap(Sitemap):
    def items(self):
        return (
            self.get_wagtail_site()
            .root_page.get_descendants(inclusive=True)
            .live()
            .public()
            .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
