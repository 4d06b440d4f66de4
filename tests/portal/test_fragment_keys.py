"""Nothing is cached that the registry does not declare, and no write to a declared model
escapes it: every module that writes to the cache is a declared fragment's (or a named
exception that caches no fragment), and every ``update()``/``bulk_create()`` of a declared
model goes through ``portal.fragments.writes`` (``save()`` and ``delete()`` send signals)."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

from extranet.web import fragments
from portal.fragments import registry

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("extranet", "cms", "portal", "search", "reports")
CACHE_WRITES = {"set", "add", "set_many", "get_or_set", "incr", "touch"}
#: Modules writing to the cache what no page shows, so no write can make stale.
NOT_FRAGMENTS = {
    "extranet.accounts.lockout": "counts failed logins (rate limiting)",
    "portal.health": "writes and reads a probe value",
    "portal.cache": "the cache backend itself",
}
#: Bulk loads of a new database (nothing cached yet), and the registry's own writes.
WRITERS_EXEMPT = ("extranet/demo/", "portal/fragments/", "/migrations/")


def _modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            relative = path.relative_to(ROOT)
            name = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
            yield name, str(relative), ast.parse(path.read_text(encoding="utf-8"))


def _calls(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            yield node


def _receiver_root(node):
    """The name a call chain starts from: ``Topic`` for ``Topic.objects.filter(…).update``."""
    while isinstance(node, ast.Call | ast.Attribute | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else None


def test_every_module_writing_to_the_cache_is_a_declared_fragments():
    declared = {fragment.module for fragment in registry.FRAGMENTS}
    offenders = []
    for name, path, tree in _modules():
        for call in _calls(tree):
            writes_cache = call.func.attr in CACHE_WRITES and _receiver_root(call.func) == "cache"
            if writes_cache and name not in declared and name not in NOT_FRAGMENTS:
                offenders.append(f"{path}:{call.lineno}")
    assert offenders == [], "cache écrit hors des fragments déclarés (portal.fragments.registry)"


def test_each_declared_module_builds_its_keys_with_its_declared_prefix():
    """Literally, or through the registry's name for the fragment (``NAVIGATION.prefix``)."""
    sources = {name: ast.unparse(tree) for name, _, tree in _modules()}
    for fragment in registry.FRAGMENTS:
        text = sources[fragment.module]
        names = [name for name, value in vars(registry).items() if value is fragment]
        named = fragment.prefix in text or fragment.prefix.rsplit(":", 1)[-1] in text
        named = named or any(f"{name}.prefix" in text for name in names)
        named = named or (fragment is registry.UNREAD_NOTIFICATIONS and "UNREAD_COUNT.key" in text)
        assert named, f"{fragment.module} ne construit pas ses clés avec {fragment.prefix!r}"


def test_a_fragment_key_of_an_undeclared_kind_is_refused():
    with pytest.raises(LookupError):
        fragments.make_key("undeclared", 1)
    with pytest.raises(LookupError):
        registry.key("extranet:fragment:undeclared", 1)
    assert fragments.make_key("topic", 1).startswith("extranet:fragment:topic:")


def test_no_update_or_bulk_create_of_a_declared_model_bypasses_the_registry():
    declared = {
        apps.get_model(source.model).__name__
        for fragment in registry.FRAGMENTS
        for source in fragment.sources
        if source.rows is not None
    }
    offenders = []
    for _, path, tree in _modules():
        if any(part in f"/{path}" for part in WRITERS_EXEMPT):
            continue
        for call in _calls(tree):
            bulk = call.func.attr in {"update", "bulk_create", "bulk_update"}
            if bulk and _receiver_root(call.func) in declared:
                offenders.append(f"{path}:{call.lineno}")
    assert offenders == [], "écritures sans signal hors de portal.fragments.writes"
