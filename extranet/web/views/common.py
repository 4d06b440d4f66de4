"""Context shared by every page of a space: the space, the user's rights, navigation."""

from django.urls import reverse

from .. import links

SECTIONS = {
    "home": "Discussions",
    "documents": "Documents",
    "meetings": "Rencontres",
    "members": "Membres",
    "notifications": "Mes notifications",
    "settings": "Paramètres de l'espace",
    "moderation": "Modération",
    "search": "Recherche",
}


def space_context(space, access, section, trail=(), **extra):
    """Template context of a space page.

    `trail` lists (label, url) pairs after the space in the breadcrumb; the last one is the
    current page (its url may be None).
    """
    breadcrumbs = [
        ("Mes espaces", links.url("extranet:my_spaces")),
        (space.name, links.url("extranet:space_home", space.slug)),
        *trail,
    ]
    return {
        "space": space,
        "access": access,
        "section": section,
        "breadcrumbs": breadcrumbs,
        **extra,
    }


def space_url(name, space, **kwargs):
    return reverse(f"extranet:{name}", kwargs={"slug": space.slug, **kwargs})
