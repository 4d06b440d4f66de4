"""From what a member types to the HTML a post shows: Markdown rendered on the server, then
sanitised (``sanitize.clean_html``, nh3), with the mentions made links to the member.

Rules:

- Markdown as people write it in a forum (CommonMark): bold, italic, links, lists, quotes,
  code, headings; a single line break is a line break (``breaks``), bare web addresses become
  links (``linkify``); ``#`` and ``##`` headings become ``<h3>`` (the levels a post may use);
- HTML typed inside the Markdown (a habit of the former forum) is kept when the allow-list
  allows it and dropped otherwise: rendering never bypasses the sanitiser;
- images are not part of a post (attach a document): ``![texte](adresse)`` stays a link;
- posts stored as HTML (``BodyFormat.HTML``, everything written before Markdown) are only
  cleaned, so they keep rendering as they always did;
- mentions of members of the post's space become links to the member (``mentions``), done by
  the services when they store a post and by ``render_with_mentions`` for the previews
  (``extranet.web.views.composer`` and the « Prévisualiser » button): what the preview shows
  is what the post will show;
- quoting a post into a reply (``quote_for_reply``) writes a Markdown quotation.
"""

import re

from django.utils.formats import date_format
from django.utils.timezone import localtime
from markdown_it import MarkdownIt

from .mentions import link_mentions, mentioned_members
from .models import BodyFormat
from .sanitize import clean_html, html_to_text

# A horizontal rule is not in the allow-list either; leaving the rule on lets "---" under a line
# stay a heading marker (CommonMark's setext headings) instead of becoming stray text.
_MARKDOWN = (
    MarkdownIt("commonmark", {"breaks": True, "html": True, "linkify": True})
    .enable("linkify")
    .disable("image")
)


def render_markdown(source: str) -> str:
    """Markdown to HTML, *not yet sanitised*: callers go through ``render_body``."""
    return _MARKDOWN.render(source or "")


def render_body(source: str, format: str = BodyFormat.MARKDOWN) -> str:
    """The cleaned HTML a post written as ``source`` in ``format`` shows."""
    source = str(source or "").replace("\r\n", "\n").replace("\r", "\n")
    if format == BodyFormat.HTML:
        return clean_html(source)
    return clean_html(render_markdown(source))


def quote_for_reply(post, url: str) -> str:
    """The Markdown a reply starts with to quote ``post``: a quotation introduced by its author
    and its date, which links to it (``url``), then an empty line to write after.

    A Markdown post is quoted as written (its own quotations nest); an older HTML post as its
    plain text. Handles inside a quotation are not mentions (``mentions``): quoting does not
    notify again the members the post named. The caller checks ``can_quote_post`` first.
    """
    author = str(post.author) if post.author else "Un·e ancien·ne membre"
    when = date_format(localtime(post.created_at), "j F Y à H:i")
    text = post.source if post.format == BodyFormat.MARKDOWN else html_to_text(post.body)
    lines = [f"**{_escape_markdown(author)}** a écrit [le {when}]({url}) :", ""]
    lines += text.replace("\r\n", "\n").strip().split("\n")
    quoted = "\n".join(f"> {line}".rstrip() for line in lines)
    return quoted + "\n\n"


def _escape_markdown(text: str) -> str:
    """``text`` shown literally in Markdown (a name such as « *Lou* » stays a name)."""
    return re.sub(r"([\\`*_\[\]<>#!|])", r"\\\1", text)


def render_with_mentions(source: str, format: str, space) -> str:
    """``render_body`` with the mentions of members of ``space`` made links, as the services
    store a post of that space: what previews show."""
    html = render_body(source, format)
    return link_mentions(html, space, mentioned_members(html, space))
