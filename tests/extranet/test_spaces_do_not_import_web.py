"""The spaces (models, permissions, services) do not import the web pages: the pages import
the spaces. The template tags that reverse the pages' links (``{% load extranet_links %}``)
live in ``extranet.web`` itself."""

import ast
from pathlib import Path

import extranet.spaces


def _imported_modules(path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_module_of_the_spaces_imports_the_web_pages():
    root = Path(extranet.spaces.__file__).parent
    offenders = {
        f"{path.relative_to(root)}: {module}"
        for path in root.rglob("*.py")
        for module in _imported_modules(path)
        if module.startswith("extranet.web")
    }
    assert offenders == set()


def test_the_links_tag_library_is_the_web_pages_own():
    from django.template.backends.django import get_installed_libraries

    assert get_installed_libraries()["extranet_links"] == "extranet.web.templatetags.extranet_links"
