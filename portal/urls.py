"""URL root. Each part owns its own URLconf; Wagtail's page serving comes last (catch-all)."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from extranet.notifications import dev_inbox

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("cms.urls")),
    path("extranet/", include("extranet.urls")),
    path("api/extranet/", include("extranet.api.urls")),
    # OpenAPI schema of the extranet API (drf-spectacular).
    path("api/schema/", include("extranet.api.schema_urls")),
    path("", include("search.urls")),
    # The development inbox (a 404 unless DEBUG): e-mails of the file backend.
    path("_dev/courriels/", dev_inbox.inbox, name="dev_inbox"),
]

# Public media (the image library) served in every mode, DEBUG or not; nothing else under
# MEDIA_ROOT is (portal.media). Skipped when MEDIA_URL points to another server.
if settings.MEDIA_URL.startswith("/"):
    from portal.media import serve_public_media

    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media_prefix}(?P<path>.+)$", serve_public_media)]

urlpatterns += [path("", include(wagtail_urls))]
