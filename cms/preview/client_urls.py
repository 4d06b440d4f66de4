"""``HEADLESS_PREVIEW_CLIENT_URLS`` → wagtail-headless-preview's ``CLIENT_URLS``.

Read by the settings module, so it imports nothing from Django or Wagtail.

The variable is a comma-separated list. A bare URL is the default front end; ``host=URL``
sends previews of the Wagtail site ``host`` to another front end::

    HEADLESS_PREVIEW_CLIENT_URLS=https://www.example.org/apercu
    HEADLESS_PREVIEW_CLIENT_URLS=https://www.example.org/apercu,intranet.example.org=https://intra.example.org/apercu

``{SITE_ROOT_URL}`` in a URL is replaced by the site's root URL (the package's placeholder).
Empty means no external front: previews render with the built-in templates. A malformed
entry stops the start-up with a message rather than silently previewing nowhere.
"""

from urllib.parse import urlsplit


class ClientURLError(ValueError):
    pass


def _check_url(url, entry):
    parts = urlsplit(url.replace("{SITE_ROOT_URL}", "https://site.invalid"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ClientURLError(
            f"HEADLESS_PREVIEW_CLIENT_URLS: « {entry} » n'est pas une adresse http(s) complète."
        )
    return url


def client_urls_from_env(entries):
    """``{"default": url, host: url, …}`` from the list of entries (already split on commas)."""
    urls = {}
    for entry in entries:
        host, separator, url = entry.partition("=")
        if separator and "://" not in host:
            host = host.strip()
            if not host:
                raise ClientURLError(
                    f"HEADLESS_PREVIEW_CLIENT_URLS: hôte manquant dans « {entry} »."
                )
            urls[host] = _check_url(url.strip(), entry)
        elif "default" in urls:
            raise ClientURLError(
                "HEADLESS_PREVIEW_CLIENT_URLS: une seule adresse par défaut ; préfixer les autres "
                "par l'hôte du site (hote=https://…)."
            )
        else:
            urls["default"] = _check_url(entry.strip(), entry)
    if urls and "default" not in urls:
        # The package falls back to "default" for any other site: use the first front.
        urls["default"] = next(iter(urls.values()))
    return urls
