"""The header's link to the member's notifications, with the unread count."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from extranet.web import links

from .. import inbox

register = template.Library()


@register.simple_tag(takes_context=True)
def notification_link(context):
    """« Notifications » with the unread count, for a logged-in member (nothing otherwise).

    The count is in the link's text (screen readers read it with the link), and the link is
    ``aria-current`` on the list itself."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    url = links.url("extranet:notification_list")
    count = inbox.unread_count(user)
    # A constant attribute, never user input: marked safe once, used in both branches.
    current = mark_safe(' aria-current="page"') if request.path == url else ""
    if not count:
        return format_html('<a href="{}"{}>Notifications</a>', url, current)
    label = "non lue" if count == 1 else "non lues"
    return format_html(
        '<a href="{}"{}>Notifications <span class="badge-unread" data-unread-count="{}">'
        "{} {}</span></a>",
        url,
        current,
        count,
        count,
        label,
    )
