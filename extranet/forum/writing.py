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
- the preview (``extranet.web.views.composer``) calls ``render_body`` too: what the preview
  shows is what the post will show.
"""

from markdown_it import MarkdownIt

from .models import BodyFormat
from .sanitize import clean_html

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
