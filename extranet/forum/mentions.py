"""``@Prénom.Nom`` and ``@partie-locale-de-l-adresse`` mentions, resolved among a space's members.

Rules:

- only active members of the post's space can be mentioned: a handle matching anyone else
  resolves to nobody, so a mention never reveals a space or its contents to an outsider;
- matching ignores case and accents (``@helene.dupre`` finds Hélène Dupré) and spaces inside
  names become hyphens (``@Marie-Claire.Du-Pont`` for "Marie Claire" "Du Pont");
- a handle inside a quotation, a code sample or a link is not a mention: quoting a post must
  not notify again everyone it mentioned, and code is shown as typed;
- a mention is shown as a link to the member's card in the space (``link_mentions``), written
  into the stored body when the post is saved, and into the preview the same way;
- the composer's suggestions (``suggest_members``) offer the same people, by the handle that
  resolves to them.
"""

import re
import unicodedata
from html import escape
from html.parser import HTMLParser

from django.contrib.auth import get_user_model
from django.urls import reverse

from .sanitize import clean_html

# "@" not glued to a word (so e-mail addresses in the text are not mentions), then a handle
# that ends on a letter or digit (so "@Camille.Membre." at the end of a sentence works).
MENTION_PATTERN = re.compile(r"(?<![\w@.+\-])@([\w][\w.+\-']*)")
_TRAILING = ".-+'"
# Where a handle is text, not a mention (see the module docstring).
_NOT_MENTIONS = frozenset({"a", "blockquote", "code", "pre"})
SUGGESTIONS_LIMIT = 8


def normalise_handle(value: str) -> str:
    return re.sub(r"\s+", "-", fold(value).strip())


def fold(value: str) -> str:
    """``value`` without accents nor case, for comparisons."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def _handle_of(match) -> str:
    return match.group(1).rstrip(_TRAILING)


class _MentionText(HTMLParser):
    """Walks cleaned HTML and copies it verbatim (``convert_charrefs=False``, as
    ``sanitize._Structure``), handing each piece of text where mentions count to ``on_text``,
    which returns what to write in its place."""

    def __init__(self, on_text):
        super().__init__(convert_charrefs=False)
        self.on_text = on_text
        self.out = []
        self.inside = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag in _NOT_MENTIONS:
            self.inside.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in self.inside:
            del self.inside[len(self.inside) - 1 - self.inside[::-1].index(tag)]

    def handle_data(self, data):
        self.out.append(data if self.inside else self.on_text(data))

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def run(self, html: str) -> str:
        self.feed(html)
        self.close()
        return "".join(self.out)


def handles_in(html: str) -> set[str]:
    """Normalised handles written in a cleaned post body, where they count as mentions."""
    found = set()

    def collect(text):
        found.update(
            normalise_handle(_handle_of(match))
            for match in MENTION_PATTERN.finditer(text)
            if _handle_of(match)
        )
        return text

    _MentionText(collect).run(html)
    return found


def handles_of(user) -> set[str]:
    handles = {normalise_handle(user.email.split("@")[0])}
    if user.first_name and user.last_name:
        handles.add(normalise_handle(f"{user.first_name}.{user.last_name}"))
    return handles


def handle_to_write(user) -> str:
    """The handle the composer writes for ``user``: ``Prénom.Nom``, or the local part of the
    address for someone without a full name. ``handles_of(user)`` always holds it."""
    if user.first_name and user.last_name:
        name = f"{user.first_name.strip()}.{user.last_name.strip()}"
    else:
        name = user.email.split("@")[0]
    return re.sub(r"\s+", "-", name)


def mentioned_members(html: str, space) -> list:
    """Active members of ``space`` mentioned in ``html``, the author included (the callers
    decide who is notified; a member who names themselves still gets a link)."""
    wanted = handles_in(html)
    if not wanted:
        return []
    members = (
        get_user_model()
        .objects.filter(space_memberships__space=space, is_active=True)
        .only("pk", "email", "first_name", "last_name")
        .order_by("pk")
    )
    return [member for member in members if handles_of(member) & wanted]


def member_card_url(space, user) -> str:
    return reverse("extranet:member_card", kwargs={"slug": space.slug, "user_pk": user.pk})


def link_mentions(html: str, space, members) -> str:
    """``html`` (cleaned) with each mention of one of ``members`` made a link to their card.

    The result is cleaned again, so it is exactly what ``clean_html`` keeps (``rel`` added,
    idempotent): a post's stored body stays a fixed point of the sanitiser."""
    if not members:
        return html
    urls = {}
    for member in members:
        for handle in handles_of(member):
            urls.setdefault(handle, member_card_url(space, member))

    def link(text):
        def replace(match):
            handle = _handle_of(match)
            url = urls.get(normalise_handle(handle)) if handle else None
            if url is None:
                return match.group(0)
            rest = match.group(1)[len(handle) :]
            return f'<a href="{escape(url)}">@{handle}</a>{rest}'

        return MENTION_PATTERN.sub(replace, text)

    return clean_html(_MentionText(link).run(html))


def suggest_members(space, query: str, exclude_user_id=None, limit=SUGGESTIONS_LIMIT) -> list:
    """Active members of ``space`` whose first name, last name, full name or address's local
    part starts with ``query`` (case and accents ignored; an empty query matches everyone),
    in the directory's order, at most ``limit``.

    Matched in Python on purpose: folding accents the same way on SQLite and PostgreSQL (no
    ``unaccent`` extension) and a space has at most a few hundred members, three short
    columns each.
    """
    wanted = fold(query.strip().lstrip("@")).replace(".", " ").replace("-", " ")
    wanted = " ".join(wanted.split())
    members = (
        get_user_model()
        .objects.filter(space_memberships__space=space, is_active=True)
        .exclude(pk=exclude_user_id)
        .only("pk", "email", "first_name", "last_name", "organisation")
        .order_by("last_name", "first_name", "email")
    )
    found = []
    for member in members:
        if not wanted or any(key.startswith(wanted) for key in _search_keys(member)):
            found.append(member)
            if len(found) == limit:
                break
    return found


def _search_keys(member) -> list[str]:
    def words(value):
        return " ".join(fold(value).replace(".", " ").replace("-", " ").split())

    first, last = words(member.first_name), words(member.last_name)
    return [
        key
        for key in (first, last, f"{first} {last}".strip(), words(member.email.split("@")[0]))
        if key
    ]
