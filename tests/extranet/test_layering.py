"""Which extranet package may import which, checked on every import, function bodies included
(an import hidden in a function is a cycle nobody sees):

- the forum does not import the notifications: the notifications import the forum (its models,
  its permissions); the forum sends signals (``extranet.forum.signals``,
  ``moderation.post_flagged``) that the notifications receive;
- the spaces (models, permissions, services) do not import the web pages: the pages import the
  spaces; the template tags that reverse the pages' links (``{% load extranet_links %}``) live
  in ``extranet.web`` itself.
"""

import ast
from pathlib import Path

import pytest

import extranet.forum
import extranet.spaces


def _imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [(extranet.forum, "extranet.notifications"), (extranet.spaces, "extranet.web")],
    ids=["forum-not-notifications", "spaces-not-web"],
)
def test_a_package_does_not_import_what_imports_it(package, forbidden):
    root = Path(package.__file__).parent
    offenders = {
        f"{path.relative_to(root)}: {module}"
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        for module in _imported_modules(path)
        if module.startswith(forbidden)
    }
    assert offenders == set()


def test_the_links_tag_library_is_the_web_pages_own():
    from django.template.backends.django import get_installed_libraries

    assert get_installed_libraries()["extranet_links"] == "extranet.web.templatetags.extranet_links"
