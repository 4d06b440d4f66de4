"""The development inbox: e-mails written by Django's file backend (``portal.settings.dev``:
``var/mail/``), listed on a page instead of scrolling past in the server's console.

DEBUG only: with DEBUG off the page is a 404 whatever the settings (it shows every member's
e-mails, links with one-click unsubscribe tokens included). Newest first; each message with
its headers that matter here (threading, unsubscribe) and its text.
"""

from email import message_from_string
from email.header import decode_header, make_header
from email.utils import parsedate_to_datetime
from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

# The file backend separates the messages of one connection with a line of 79 dashes.
SEPARATOR = "\n" + "-" * 79 + "\n"
SHOWN_HEADERS = ("Message-ID", "In-Reply-To", "List-Unsubscribe", "List-Unsubscribe-Post")
MAX_MESSAGES = 200


def _text(message):
    if message.is_multipart():
        for part in message.walk():
            if part.get_content_type() == "text/plain":
                return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8")
        return ""
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def read_messages(directory) -> list[dict]:
    directory = Path(directory)
    if not directory.is_dir():
        return []
    messages = []
    for path in sorted(directory.glob("*.log")):
        for chunk in path.read_text(encoding="utf-8", errors="replace").split(SEPARATOR):
            if not chunk.strip():
                continue
            message = message_from_string(chunk)
            date = message.get("Date")
            messages.append(
                {
                    "date": parsedate_to_datetime(date) if date else None,
                    "to": str(make_header(decode_header(message.get("To", "")))),
                    "subject": str(make_header(decode_header(message.get("Subject", "")))),
                    "headers": [(name, message[name]) for name in SHOWN_HEADERS if message[name]],
                    "text": _text(message),
                }
            )
    messages.sort(key=lambda item: item["date"].timestamp() if item["date"] else 0, reverse=True)
    return messages[:MAX_MESSAGES]


def inbox(request):
    if not settings.DEBUG:
        raise Http404("Page introuvable.")
    directory = getattr(settings, "EMAIL_FILE_PATH", None)
    context = {
        "messages_found": read_messages(directory) if directory else [],
        "directory": directory,
    }
    return render(request, "extranet/notifications/dev_inbox.html", context)
