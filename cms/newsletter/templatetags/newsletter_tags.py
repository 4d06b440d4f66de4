"""``{% subscribe_box %}``: the Flash Info subscription form, on the Flash Info pages."""

from django import template

from cms.newsletter.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/subscribe_box.html", takes_context=True)
def subscribe_box(context):
    # The request goes along for {% csrf_token %} in the included form.
    return {
        "form": SubscribeForm(),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
