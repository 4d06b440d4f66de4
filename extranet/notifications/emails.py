"""Rendering and sending the extranet's e-mails (French templates in templates/extranet/emails/).

Each e-mail kind has three templates: ``<kind>_subject.txt``, ``<kind>.txt`` and
``<kind>.html``. Every message is addressed to one person (it carries their own settings
link), and a batch goes through one connection to the mail server.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse

from extranet.forum.models import Post
from extranet.forum.sanitize import html_to_text

from .links import absolute, absolute_links, settings_url
from .recipients import MENTION, NEW_TOPIC
from .unsubscribe import unsubscribe_url

TEMPLATE_DIR = "extranet/emails"


def render_email(kind, context, to, headers=None) -> EmailMultiAlternatives:
    """``context["unsubscribe_url"]``, when given, is the one-click unsubscribe link (RFC 8058,
    see ``unsubscribe``): mail clients show their own button for it."""
    context = {"site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = render_to_string(f"{TEMPLATE_DIR}/{kind}_subject.txt", context)
    text = render_to_string(f"{TEMPLATE_DIR}/{kind}.txt", context)
    html = render_to_string(f"{TEMPLATE_DIR}/{kind}.html", context)
    headers = {"Auto-Submitted": "auto-generated", **(headers or {})}
    if context.get("unsubscribe_url"):
        headers["List-Unsubscribe"] = f"<{context['unsubscribe_url']}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    elif context.get("settings_url"):
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


def _post_context(post, recipient) -> dict:
    """What every e-mail about a post shows: the post, its topic and space, its text, its link,
    and the recipient's settings and unsubscribe links."""
    topic = post.topic
    space = topic.space
    return {
        "recipient": recipient,
        "post": post,
        "topic": topic,
        "space": space,
        "author_name": str(post.author) if post.author else "Un·e ancien·ne membre",
        "body_text": html_to_text(post.body),
        # Cleaned on the way in (forum.sanitize); links to the site, as mentions, made absolute.
        "body_html": absolute_links(post.body),
        "post_url": absolute(post.get_absolute_url()),
        "settings_url": settings_url(space),
        "unsubscribe_url": unsubscribe_url(recipient, space=space),
    }


def post_email(post, recipient, reason) -> EmailMultiAlternatives:
    kind = {NEW_TOPIC: "new_topic", MENTION: "mention"}.get(reason, "reply")
    context = _post_context(post, recipient)
    return render_email(kind, context, recipient.email, headers=thread_headers(post, reason))


def flag_email(flag, recipient) -> EmailMultiAlternatives:
    """To a moderator: a post of their space entered the moderation queue. The flagger's name
    stays in the queue; the e-mail gives the reason, the post and the way to the queue."""
    context = _post_context(flag.post, recipient)
    slug = context["space"].slug
    context.update(
        flag=flag,
        reason=flag.get_reason_display(),
        queue_url=absolute(reverse("extranet:moderation_queue", kwargs={"slug": slug})),
    )
    return render_email("flag", context, recipient.email)


def _message_id(kind, pk) -> str:
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    return f"<extranet.{kind}.{pk}@{domain}>"


def thread_headers(post, reason) -> dict:
    """Headers that make mail clients thread a topic's e-mails: the opening post's e-mail is
    the topic's root (``Message-ID`` of the topic), every other post has its own
    ``Message-ID`` and points at the root (``In-Reply-To``, ``References``). A mention in the
    opening post is that same root."""
    root = _message_id("topic", post.topic_id)
    if _opens_its_topic(post):
        return {"Message-ID": root}
    return {"Message-ID": _message_id("post", post.pk), "In-Reply-To": root, "References": root}


def _opens_its_topic(post) -> bool:
    """Whether ``post`` is its topic's first; asked once per post (kept on the instance, which
    the task shares between the recipients)."""
    if not hasattr(post, "opens_topic"):
        earlier = Post.objects.filter(topic_id=post.topic_id).filter(
            Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
        )
        post.opens_topic = not earlier.exists()
    return post.opens_topic
