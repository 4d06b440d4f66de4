"""``/robots.txt``: crawl the public site, not the back offices nor search results."""

from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.models import Site

# Paths robots must not crawl: the two admins, the members' extranet and its API, and search
# result pages (endless combinations of queries and facets; the sitemap lists the content).
DISALLOWED_PATHS = (
    "/admin/",
    "/django-admin/",
    "/extranet/",
    "/api/extranet/",
    "/recherche/?*",
)


class RobotsView(TemplateView):
    template_name = "robots.txt"
    content_type = "text/plain; charset=utf-8"
    http_method_names = ["get", "head", "options"]

    def sitemap_url(self):
        """Absolute, on the site's root URL (what the sitemap's own links use)."""
        site = Site.find_for_request(self.request)
        path = reverse("seo:sitemap")
        if site is None:
            return self.request.build_absolute_uri(path)
        return site.root_url + path

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["disallowed_paths"] = DISALLOWED_PATHS
        context["sitemap_url"] = self.sitemap_url()
        return context
