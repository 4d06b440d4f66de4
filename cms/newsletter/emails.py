"""The Flash Info e-mails: the confirmation of a subscription and the newsletter issue itself.

Both have an HTML part in the site's look (templates/newsletter/emails/, styles inline since
mail clients drop style sheets) and a plain-text part derived from it. Every issue e-mail is
addressed to one subscriber and carries their unsubscribe link in the footer and in the
``List-Unsubscribe`` headers (RFC 8058 one-click: mail clients show their own button).
"""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from .links import absolute, absolutize, confirm_url, unsubscribe_url
from .plain_text import html_to_text


def issue_subject(issue) -> str:
    return f"Flash Info n°{issue.number} – {issue.title}"


def _message(subject, html, to, headers=None) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=subject, body=html_to_text(html), to=[to], headers=headers or {}
    )
    message.attach_alternative(html, "text/html")
    return message


def confirmation_email(subscriber) -> EmailMultiAlternatives:
    html = render_to_string(
        "newsletter/emails/confirmation.html",
        {
            "site_name": settings.WAGTAIL_SITE_NAME,
            "confirm_url": confirm_url(subscriber),
            "home_url": absolute("/"),
        },
    )
    return _message(
        "Confirmez votre abonnement au Flash Info",
        html,
        subscriber.email,
        {"Auto-Submitted": "auto-generated"},
    )


def render_issue_html(issue, *, unsubscribe_link: str) -> str:
    """The issue's e-mail HTML, as sent and as previewed in the admin."""
    html = render_to_string(
        "newsletter/emails/issue.html",
        {
            "issue": issue,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "issue_url": absolute(issue.url) if issue.url else "",
            "home_url": absolute("/"),
            "unsubscribe_url": unsubscribe_link,
        },
    )
    return absolutize(html)


UNSUBSCRIBE_PLACEHOLDER = "{{unsubscribe_url}}"


def issue_template(issue) -> str:
    """The issue's HTML rendered once for a whole batch; each recipient's unsubscribe link
    replaces the placeholder (rendering the page's blocks once per subscriber would cost
    thousands of renders for one send)."""
    return render_issue_html(issue, unsubscribe_link=UNSUBSCRIBE_PLACEHOLDER)


def issue_email(issue, subscriber, template=None) -> EmailMultiAlternatives:
    link = unsubscribe_url(subscriber)
    html = (template or issue_template(issue)).replace(UNSUBSCRIBE_PLACEHOLDER, link)
    headers = {
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Precedence": "bulk",
    }
    return _message(issue_subject(issue), html, subscriber.email, headers)


def test_issue_email(issue, to) -> EmailMultiAlternatives:
    """The issue as a subscriber gets it, to staff, marked as a test; its unsubscribe link
    leads to the subscription page (the tester is not a subscriber)."""
    html = render_issue_html(issue, unsubscribe_link=absolute(reverse("newsletter:subscribe")))
    return _message(f"[Test] {issue_subject(issue)}", html, to)
