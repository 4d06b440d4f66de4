"""Rendering and sending the extranet's e-mails (French templates in templates/extranet/emails/).

Each e-mail kind has three templates: ``<kind>_subject.txt``, ``<kind>.txt`` and
``<kind>.html``. Every message is addressed to one person (it carries their own settings
link), and a batch goes through one connection to the mail server.
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string

from extranet.forum.sanitize import html_to_text

from .links import absolute, settings_url
from .recipients import MENTION, NEW_TOPIC

TEMPLATE_DIR = "extranet/emails"


def render_email(kind, context, to) -> EmailMultiAlternatives:
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"{TEMPLATE_DIR}/{kind}_subject.txt", context)
    text = render_to_string(f"{TEMPLATE_DIR}/{kind}.txt", context)
    html = render_to_string(f"{TEMPLATE_DIR}/{kind}.html", context)
    headers = {"Auto-Submitted": "auto-generated"}
    if context.get("settings_url"):
        headers["List-Unsubscribe"] = f"<{context['settings_url']}>"
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()), body=text, to=[to], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message


def send_messages(messages) -> int:
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(messages) or 0


def post_email(post, recipient, reason) -> EmailMultiAlternatives:
    topic = post.topic
    space = topic.space
    kind = {NEW_TOPIC: "new_topic", MENTION: "mention"}.get(reason, "reply")
    context = {
        "recipient": recipient,
        "post": post,
        "topic": topic,
        "space": space,
        "author_name": str(post.author) if post.author else "Un·e ancien·ne membre",
        "body_text": html_to_text(post.body),
        "body_html": post.body,  # cleaned on the way in (forum.sanitize)
        "post_url": absolute(post.get_absolute_url()),
        "settings_url": settings_url(space),
    }
    return render_email(kind, context, recipient.email)
