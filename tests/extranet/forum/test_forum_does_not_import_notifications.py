"""The forum does not import the notifications, not even inside a function: the notifications
import the forum (its models, its permissions), and a cycle hidden in function bodies is one
nobody sees. The forum sends signals (``extranet.forum.signals``, ``moderation.post_flagged``)
that the notifications receive."""

import ast
from pathlib import Path

import extranet.forum


def _imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):  # every import, at any depth
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_module_of_the_forum_imports_the_notifications():
    root = Path(extranet.forum.__file__).parent
    offenders = {
        f"{path.relative_to(root)}: {module}"
        for path in root.rglob("*.py")
        if "migrations" not in path.parts
        for module in _imported_modules(path)
        if module.startswith("extranet.notifications")
    }
    assert offenders == set()
