"""Base serialisers of the portal's endpoints.

``PortalPageSerializer`` is Wagtail's ``PageSerializer`` made safe for preview pages: a page
never saved (previewed at creation) has no id and no parent row, so ``detail_url`` is left
out and ``parent`` is ``null`` instead of failing.

``PortalImageSerializer`` adds ``alt`` and ``renditions`` (the shape of
``cms.representations.image_representation``) to Wagtail's image fields.
"""

from rest_framework.fields import Field, SkipField
from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageParentField,
    PageSerializer,
)
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.images.api.v2.serializers import ImageSerializer

from cms.representations import image_representation


class SafeDetailUrlField(DetailUrlField):
    def get_attribute(self, instance):
        if not instance.pk:
            raise SkipField
        return super().get_attribute(instance)


class SafePageParentField(PageParentField):
    def get_attribute(self, instance):
        if not instance.pk and not instance.path:
            return None
        parent = instance.get_parent()
        if parent is None:
            return None
        if self.context["base_queryset"].filter(id=parent.id).exists():
            return parent
        return None


class PortalPageSerializer(PageSerializer):
    detail_url = SafeDetailUrlField(read_only=True)
    parent = SafePageParentField(read_only=True)


class ImageRenditionsField(Field):
    """The portal's renditions of an image (``RENDITION_SPECS``), keyed by name."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image_representation(image)["renditions"]


class ImageAltField(Field):
    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image.default_alt_text


class PrefetchedTagsField(Field):
    """Tag names, read from ``prefetch_related("tags")`` (Wagtail's field queries per item)."""

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


class PortalImageSerializer(ImageSerializer):
    alt = ImageAltField(read_only=True)
    renditions = ImageRenditionsField(read_only=True)
    tags = PrefetchedTagsField(read_only=True)


class PortalDocumentSerializer(DocumentSerializer):
    tags = PrefetchedTagsField(read_only=True)
