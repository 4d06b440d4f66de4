"""Where shared documents live: ``settings.PRIVATE_MEDIA_ROOT``, never ``MEDIA_ROOT``.

No web server serves that directory and the storage has no URL: the only way out is the
download service (``extranet.documents.downloads``), after the membership check.
"""

from portal.storage import PrivateRootStorage


class PrivateStorage(PrivateRootStorage):
    """The extranet's shared documents, under ``PRIVATE_MEDIA_ROOT``."""

    no_url = (
        "Les documents de l'extranet n'ont pas d'URL publique : ils ne sortent que par "
        "le téléchargement, après vérification de l'accès à l'espace."
    )


private_storage = PrivateStorage()


def get_private_storage():
    """Callable for ``FileField(storage=…)``: migrations keep a reference, not a path."""
    return private_storage
