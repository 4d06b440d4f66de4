"""``{% nav_url "extranet:space_home" space.slug %}``: ``{% url %}`` memoised per process
(see ``extranet.web.links``), for the links every extranet page repeats (layout, sections)."""

from django import template

from extranet.web import links

register = template.Library()


@register.simple_tag
def nav_url(name, *args):
    return links.url(name, *args)
