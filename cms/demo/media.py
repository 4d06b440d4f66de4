"""Demo images and documents, kept in a "Démo" collection of the Wagtail media library.

Images are public by nature in Wagtail (DESIGN.md): only public illustrations go there.
Each file is looked up by title in the collection before being drawn, so seeding twice reuses
what exists.
"""

import hashlib

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from .files import one_page_pdf, placeholder_png

DEMO_COLLECTION = "Démo"


def demo_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=DEMO_COLLECTION).first()
    if existing is not None:
        return existing
    return root.add_child(name=DEMO_COLLECTION)


def placeholder_image(collection: Collection, title: str, colour: str, filename: str):
    """A placeholder image titled `title` in the collection, drawn the first time only."""
    Image = get_image_model()
    image = Image.objects.filter(collection=collection, title=title).first()
    if image is not None:
        return image
    data = placeholder_png(title, colour)
    image = Image(
        title=title,
        collection=collection,
        # Decorative: an empty description gives an empty alt text (templates use the
        # description, never the title, as alt text).
        description="",
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    # Assigning the file (rather than file.save()) lets the ImageField read its dimensions.
    image.file = ContentFile(data, name=f"{filename}.png")
    image.save()
    return image


def pdf_document(collection: Collection, title: str, filename: str, lines: list[str]):
    """A one-page PDF document titled `title` in the collection, generated the first time only."""
    Document = get_document_model()
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is not None:
        return document
    data = one_page_pdf(title, lines)
    document = Document(
        title=title,
        collection=collection,
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
    )
    document.file = ContentFile(data, name=filename)
    document.save()
    return document
