"""Where shared documents live: ``settings.PRIVATE_MEDIA_ROOT``, never ``MEDIA_ROOT``.

No web server serves that directory and the storage has no URL: the only way out is the
download service (``extranet.documents.downloads``), after the membership check.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    """A file-system storage rooted at ``PRIVATE_MEDIA_ROOT``, read at each use.

    The root is a property (not Django's cached one) so a changed setting, e.g. each test's
    throw-away directory, is followed at once.
    """

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(
            "Les documents de l'extranet n'ont pas d'URL publique : ils ne sortent que par "
            "le téléchargement, après vérification de l'accès à l'espace."
        )


private_storage = PrivateStorage()


def get_private_storage():
    """Callable for ``FileField(storage=…)``: migrations keep a reference, not a path."""
    return private_storage
