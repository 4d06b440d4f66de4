"""``{% related_reading page %}``: the « À lire aussi » section (cms.related)."""

from django import template
from wagtail.models import Site

from cms.related import related_pages

register = template.Library()


@register.inclusion_tag("cms/includes/related.html", takes_context=True)
def related_reading(context, page):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    items = related_pages(page, site.root_page if site else None)
    return {"items": items, "request": request}
