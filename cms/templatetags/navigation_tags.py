"""Template tags of the public site's navigation (``cms.navigation``): ``{% main_menu %}``,
``{% breadcrumbs %}`` and ``{% site_footer %}``, used by ``base.html``.

They take the request from the context and work without it too (a page rendered outside a
request, an error page): the menu then has its fixed entries only.
"""

from django import template
from django.utils.safestring import mark_safe

from cms.navigation import chips, layout, menus

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Rendered once per generation and host (``cms.navigation.layout``)."""
    return mark_safe(layout.main_menu(context.get("request")))


@register.inclusion_tag("cms/navigation/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    return {"trail": menus.breadcrumbs(page, context.get("request")), "page": page}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """Rendered once per generation and host (``cms.navigation.layout``)."""
    return mark_safe(layout.footer(context.get("request")))


@register.inclusion_tag("cms/navigation/chips.html", takes_context=True)
def taxonomy_chips(context, item):
    return {"chips": chips.taxonomy_chips(item, context.get("request"))}
