"""Public media served by the portal itself: the image library's originals and renditions.

With DEBUG off Django serves no media, and every image of the site was a 404 unless a web
server was set up in front for MEDIA_ROOT. This view serves the image directories only: any
other name under MEDIA_ROOT is a 404, whatever it is (private files are not kept there in the
first place, see ``portal.storage``). A reverse proxy may serve ``/media/images/`` and
``/media/original_images/`` itself for speed; the same two directories, nothing else.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

from .storage import is_private

PUBLIC_DIRECTORIES = ("images/", "original_images/")
#: Rendition and original file names change when the image does: a day of caching is safe.
CACHE_SECONDS = 24 * 3600


def serve_public_media(request, path):
    # Normalised first: "images/../secret" must not pass for an image.
    path = posixpath.normpath(path).lstrip("/")
    if not path.startswith(PUBLIC_DIRECTORIES) or is_private(path):
        raise Http404("Fichier introuvable")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response
