"""The sitemap of the public site, on top of ``wagtail.contrib.sitemaps``.

Wagtail's sitemap lists the requested site's pages with ``lastmod`` from the last publication;
which of them are public is ``cms.visibility``'s answer, the API's and the feeds' (live, past
their ``go_live_at``, before their ``expire_at`` even while ``publish_scheduled`` has not
unpublished them, under no view restriction): a search engine should not be sent to a page
that is not there yet, or about to disappear.
"""

from wagtail.contrib.sitemaps import Sitemap

from cms.visibility import filter_public_pages


class PortalSitemap(Sitemap):
    def items(self):
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True)
        return filter_public_pages(pages).order_by("path").defer_streamfields().specific()
