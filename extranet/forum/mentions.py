"""``@Prénom.Nom`` and ``@partie-locale-de-l-adresse`` mentions, resolved among a space's members.

Only members of the post's space can be mentioned: a handle matching anyone else resolves to
nobody, so a mention never reveals a space or its contents to an outsider. Matching ignores
case and accents (``@helene.dupre`` finds Hélène Dupré) and spaces inside names become hyphens
(``@Marie-Claire.Du-Pont`` for "Marie Claire" "Du Pont").
"""

import re
import unicodedata

from django.contrib.auth import get_user_model

from .sanitize import html_to_text

# "@" not glued to a word (so e-mail addresses in the text are not mentions), then a handle
# that ends on a letter or digit (so "@Camille.Membre." at the end of a sentence works).
MENTION_PATTERN = re.compile(r"(?<![\w@.+\-])@([\w][\w.+\-']*)")
_TRAILING = ".-+'"


def normalise_handle(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    without_accents = "".join(char for char in decomposed if not unicodedata.combining(char))
    return re.sub(r"\s+", "-", without_accents.strip()).casefold()


def handles_in(html: str) -> set[str]:
    """Normalised handles written in a cleaned post body."""
    text = html_to_text(html)
    return {
        normalise_handle(match.group(1).rstrip(_TRAILING))
        for match in MENTION_PATTERN.finditer(text)
        if match.group(1).rstrip(_TRAILING)
    }


def handles_of(user) -> set[str]:
    handles = {normalise_handle(user.email.split("@")[0])}
    if user.first_name and user.last_name:
        handles.add(normalise_handle(f"{user.first_name}.{user.last_name}"))
    return handles


def resolve_mentions(html: str, space, exclude_user_ids=()) -> list:
    """Active members of ``space`` mentioned in ``html`` (authors never mention themselves)."""
    wanted = handles_in(html)
    if not wanted:
        return []
    members = (
        get_user_model()
        .objects.filter(space_memberships__space=space, is_active=True)
        .exclude(pk__in=list(exclude_user_ids))
        .only("pk", "email", "first_name", "last_name")
        .order_by("pk")
    )
    return [member for member in members if handles_of(member) & wanted]
