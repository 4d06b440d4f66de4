"""Documents shared in a space: folders, documents and the versions of their file.

Replacing a file adds a ``DocumentVersion``; earlier versions are kept (and downloadable by
members) until the document itself is deleted.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .storage import get_private_storage


class Folder(models.Model):
    """An optional folder of a space's library. Deleting a folder never deletes documents:
    they go back to the library's root (``Document.folder`` is set to null)."""

    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="folders", verbose_name="espace"
    )
    name = models.CharField("nom", max_length=120)
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
        verbose_name="dossier parent",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="créé par",
    )
    created_at = models.DateTimeField("créé le", default=timezone.now)

    class Meta:
        verbose_name = "dossier"
        verbose_name_plural = "dossiers"
        ordering = ["space", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["space", "parent", "name"], name="documents_folder_unique_in_parent"
            ),
            models.UniqueConstraint(
                fields=["space", "name"],
                condition=Q(parent__isnull=True),
                name="documents_folder_unique_at_root",
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.parent_id is None:
            return
        if self.parent.space_id != self.space_id:
            raise ValidationError({"parent": "Le dossier parent doit appartenir au même espace."})
        ancestor = self.parent
        while ancestor is not None:
            if self.pk and ancestor.pk == self.pk:
                raise ValidationError({"parent": "Un dossier ne peut pas se contenir lui-même."})
            ancestor = ancestor.parent


class Document(models.Model):
    space = models.ForeignKey(
        "spaces.Space", on_delete=models.CASCADE, related_name="documents", verbose_name="espace"
    )
    folder = models.ForeignKey(
        Folder,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name="dossier",
    )
    title = models.CharField("titre", max_length=200)
    description = models.TextField("description", blank=True)
    uploader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="shared_documents",
        verbose_name="déposé par",
    )
    created_at = models.DateTimeField("déposé le", default=timezone.now)
    updated_at = models.DateTimeField("dernière version le", default=timezone.now)
    current_version = models.ForeignKey(
        "documents_extranet.DocumentVersion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="version actuelle",
    )

    class Meta:
        verbose_name = "document partagé"
        verbose_name_plural = "documents partagés"
        ordering = ["-updated_at", "-pk"]
        indexes = [models.Index(fields=["space", "-updated_at"], name="documents_recent")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "extranet:document_download", kwargs={"slug": self.space.slug, "pk": self.pk}
        )


def version_upload_to(instance, filename):
    """Random name in a per-space directory: the member's file name never reaches the disk
    (it is kept, sanitised, in ``original_name``)."""
    return f"documents/{instance.document.space_id}/{uuid.uuid4().hex}"


class DocumentVersion(models.Model):
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="versions", verbose_name="document"
    )
    number = models.PositiveIntegerField("version n°")
    file = models.FileField(
        "fichier", storage=get_private_storage, upload_to=version_upload_to, max_length=255
    )
    original_name = models.CharField("nom du fichier", max_length=255)
    size = models.PositiveBigIntegerField("taille (octets)")
    content_type = models.CharField("type de contenu", max_length=120)
    sha256 = models.CharField("empreinte SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="déposée par",
    )
    created_at = models.DateTimeField("déposée le", default=timezone.now)

    class Meta:
        verbose_name = "version d'un document"
        verbose_name_plural = "versions des documents"
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="documents_version_number_unique"
            ),
        ]

    def __str__(self):
        return f"{self.original_name} (version {self.number})"

    @property
    def extension(self):
        stem, dot, extension = self.original_name.rpartition(".")
        return extension.lower() if dot else ""
