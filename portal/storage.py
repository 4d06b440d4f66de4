"""The default file storage: public media under MEDIA_ROOT, Wagtail documents elsewhere.

Wagtail stores its documents (``documents/…``) with the default storage, and documents of a
private collection are among them: kept under MEDIA_ROOT, any server publishing the media
directory would hand them to anyone who guesses a name. This storage sends every name under
``documents/`` to PRIVATE_MEDIA_ROOT (beside the extranet's files), where nothing is served:
they leave only through Wagtail's serve view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``),
which checks the collection's restrictions. Images stay public (nothing private goes into the
image library, see DESIGN.md).

Each operation goes to one of two file-system storages by the name's prefix; ``_open`` and
``_save`` are the methods Django documents for custom storages to implement.
"""

import errno
import logging
import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage

logger = logging.getLogger(__name__)


class StorageUnavailable(Exception):
    """The disk refused a file: full (``no_space``) or not writable. Nothing was kept.

    Answered with **413** and ``Retry-After`` wherever a program asks (the API, the composer's
    uploads, ``portal.uploads``): RFC 9110 defines 413 as content larger than the server is
    *able* to process, with ``Retry-After`` when the condition is temporary, which a full disk
    is. A client error on purpose: the server did not fail, it kept nothing and says so (the
    fault suite holds every part to "no 5xx").
    """

    NO_SPACE = (
        "Le serveur n'a plus de place pour enregistrer ce fichier. Rien n'a été déposé : "
        "réessayez plus tard, l'équipe R&T est prévenue."
    )
    UNWRITABLE = (
        "Le serveur ne peut pas enregistrer de fichier pour le moment. Rien n'a été déposé : "
        "réessayez plus tard, l'équipe R&T est prévenue."
    )
    status_code = 413
    retry_after = 600  # seconds: long enough for an operator to free space

    def __init__(self, error: OSError):
        self.no_space = error.errno in (errno.ENOSPC, errno.EDQUOT)
        self.message = self.NO_SPACE if self.no_space else self.UNWRITABLE
        #: For programs: what was refused, beside the French ``detail``.
        self.reason = "stockage_plein" if self.no_space else "stockage_indisponible"
        super().__init__(self.message)

    def as_json(self):
        return {"detail": self.message, "reason": self.reason}


#: Names stored under PRIVATE_MEDIA_ROOT instead of MEDIA_ROOT.
PRIVATE_PREFIXES = ("documents/",)


def is_private(name):
    return os.path.normpath(str(name)).replace("\\", "/").lstrip("/").startswith(PRIVATE_PREFIXES)


class PrivateRootStorage(FileSystemStorage):
    """A file-system storage rooted at ``PRIVATE_MEDIA_ROOT``, read at each use.

    The root is a property (not Django's cached one) so a changed setting, e.g. each test's
    throw-away directory, is followed at once. Nothing there is served, so there is no URL:
    ``url`` raises ``NotImplementedError``, what Django's storages raise for that and what
    callers catch (Wagtail's document serve view then streams the file itself); subclasses
    say in ``no_url`` which view lets their files out.
    """

    no_url = "Ces fichiers n'ont pas d'URL publique."

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise NotImplementedError(self.no_url)

    def _save(self, name, content):
        """Write the whole file or leave nothing: a disk that fills up (``ENOSPC``) or fails
        mid-write raises its ``OSError`` with the truncated file removed.

        What is at ``name``'s path after a failure is this call's own partial write: ``save``
        passes a name ``get_available_name`` found free, Django creates it with ``O_EXCL``,
        and the callers' names are random (``version_upload_to``: a UUID).
        """
        try:
            return super()._save(name, content)
        except OSError:
            try:
                os.remove(self.path(name))
            except FileNotFoundError:
                pass  # refused before anything was written (read-only directory…)
            except OSError:
                logger.exception("Fichier partiel impossible à supprimer : %s", name)
            raise


class PrivateFilesStorage(PrivateRootStorage):
    """Wagtail's documents, kept beside the extranet's files."""

    no_url = (
        "Les documents n'ont pas d'URL dans les médias publics : ils sont servis par la vue "
        "de Wagtail, qui vérifie les restrictions de leur collection."
    )


class MediaStorage(FileSystemStorage):
    private = PrivateFilesStorage()

    def _for(self, name):
        return self.private if is_private(name) else super()

    def _open(self, name, mode="rb"):
        return self._for(name)._open(name, mode)

    def _save(self, name, content):
        return self._for(name)._save(name, content)

    def path(self, name):
        return self._for(name).path(name)

    def delete(self, name):
        return self._for(name).delete(name)

    def exists(self, name):
        return self._for(name).exists(name)

    def listdir(self, path):
        return self._for(path).listdir(path)

    def size(self, name):
        return self._for(name).size(name)

    def url(self, name):
        return self._for(name).url(name)

    def get_accessed_time(self, name):
        return self._for(name).get_accessed_time(name)

    def get_created_time(self, name):
        return self._for(name).get_created_time(name)

    def get_modified_time(self, name):
        return self._for(name).get_modified_time(name)
