"""How images, documents and pages are represented to the headless API, in one place.

Blocks (``get_api_representation``) and page fields serialise through these functions so a
front end always gets the same shapes. ``RENDITION_SPECS`` is the single list of image
renditions the portal produces: templates use the same specs, and the API prefetches exactly
these (``Image.objects.prefetch_renditions(*RENDITION_FILTER_SPECS)``) so listings stay constant in
queries.
"""

from django.db.models import Prefetch
from wagtail.api.utils import get_full_url
from wagtail.images import get_image_model
from wagtail.images.models import Filter

# name in the API → Wagtail filter spec. Change a spec here and every consumer follows.
RENDITION_SPECS = {
    "card": "fill-800x450",
    "thumbnail": "fill-400x225",
    "large": "width-1200",
}
RENDITION_FILTER_SPECS = tuple(RENDITION_SPECS.values())
# Built once: a ``Filter`` parses its spec and looks up the image-operation hooks on first use
# (``Filter.operations`` is a cached property of the instance). Passing spec strings to
# ``get_renditions`` would build and parse fresh filters for every image of every response.
RENDITION_FILTERS = tuple(Filter(spec=spec) for spec in RENDITION_FILTER_SPECS)


def rendition_prefetch(lookup="image"):
    """A ``Prefetch`` of the portal's renditions through an image foreign key ``lookup``.

    Use on page querysets: ``NewsPage.objects.prefetch_related(rendition_prefetch("image"))``
    (also select or prefetch ``lookup`` itself). Wagtail's ``get_rendition(s)`` reads the
    ``prefetched_renditions`` attribute before touching the database.
    """
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        f"{lookup}__renditions",
        queryset=rendition_model.objects.filter(filter_spec__in=RENDITION_FILTER_SPECS),
        to_attr="prefetched_renditions",
    )


def image_representation(image, alt=None):
    """An image as the API shows it: id, title, alt text, size and the rendition URLs."""
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITION_FILTERS)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt or image.default_alt_text,
        "width": image.width,
        "height": image.height,
        "renditions": {
            name: {
                "url": renditions[spec].url,
                # Absolute (WAGTAILAPI_BASE_URL): a decoupled front lives on another origin.
                "full_url": get_full_url(None, renditions[spec].url),
                "width": renditions[spec].width,
                "height": renditions[spec].height,
            }
            for name, spec in RENDITION_SPECS.items()
        },
    }


def document_representation(document):
    """A document as the API shows it. The URL is Wagtail's serve view, which checks the
    collection's view restrictions; the direct media URL is never exposed."""
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": document.url,
        "full_url": get_full_url(None, document.url),
        "extension": document.file_extension.lower(),
    }


def page_representation(page, request=None):
    """A linked page as the API shows it, or ``None`` when it is not live (drafts, unpublished
    and expired pages must never leak through a link)."""
    if page is None or not page.live:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "type": page.specific_class._meta.label if page.specific_class else None,
        "url": page.get_url(request=request),
    }
