"""Disks that fail under the private storage, for the "full disk loses nothing" tests.

``full_disk(monkeypatch, settings, room)``: files opened for writing under
``PRIVATE_MEDIA_ROOT`` take ``room`` bytes, then every write raises ``OSError(ENOSPC)`` — a
disk filling up in the middle of a file, as Django's ``FileSystemStorage`` writes it.
``read_only_disk(monkeypatch, settings)``: creating a file there raises ``OSError(EROFS)``.
Anything else (the database, pytest) writes as usual.
"""

import errno
import os
from pathlib import Path

from django.core.files.storage import filesystem


def _under(root, path):
    return Path(os.path.abspath(path)).is_relative_to(Path(os.path.abspath(root)))


class FullFile:
    """A file object that stops accepting bytes once the disk's room is used."""

    def __init__(self, file, disk):
        self._file, self._disk = file, disk

    def write(self, data):
        room = self._disk.room
        if len(data) > room:
            self._file.write(data[:room])
            self._file.flush()
            self._disk.room = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self._disk.room -= len(data)
        return self._file.write(data)

    def __getattr__(self, name):
        return getattr(self._file, name)


class FullDisk:
    def __init__(self, root, room):
        self.root, self.room = root, room
        self.partial_writes = 0
        self._fdopen = os.fdopen

    def fdopen(self, fd, *args, **kwargs):
        file = self._fdopen(fd, *args, **kwargs)
        if _under(self.root, os.readlink(f"/proc/self/fd/{fd}")):
            self.partial_writes += 1
            return FullFile(file, self)
        return file


def full_disk(monkeypatch, settings, room=100):
    disk = FullDisk(settings.PRIVATE_MEDIA_ROOT, room)
    monkeypatch.setattr(filesystem.os, "fdopen", disk.fdopen)
    return disk


def read_only_disk(monkeypatch, settings):
    real_open = os.open

    def refusing_open(path, flags, *args, **kwargs):
        if flags & os.O_CREAT and _under(settings.PRIVATE_MEDIA_ROOT, path):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(filesystem.os, "open", refusing_open)


def stored_files(settings):
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
