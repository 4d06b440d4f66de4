"""The Wagtail Site's host name and port, from the site's public URL.

Feeds, the sitemap and every absolute link Wagtail builds use the default Site's hostname and
port: left at ``localhost:80`` they point nowhere. The web process sets them at each start from
``SITE_URL`` (default: ``WAGTAILADMIN_BASE_URL``), so the configuration stays in one env file.
"""

from urllib.parse import urlsplit

from wagtail.models import Site


def host_and_port(url):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"URL du site invalide : {url!r} (attendu : https://nom.de.domaine)")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def configure_default_site(url):
    """Set the default Site's hostname and port; returns the Site, or None if there is none
    yet (a fresh database before the first page tree)."""
    hostname, port = host_and_port(url)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
    return site
