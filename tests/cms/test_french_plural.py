"""Plurals as French writes them: 0 and 1 take the singular, the plural starts at 2."""

from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template

from cms.templatetags.french_plural import pluriel


@pytest.mark.parametrize("count", [0, 1, 1.5, "1", []])
def test_zero_and_one_take_the_singular(count):
    assert pluriel(count) == ""


@pytest.mark.parametrize("count", [2, 17, "3", 2.0, [1, 2]])
def test_from_two_on_the_plural(count):
    assert pluriel(count) == "s"


def test_an_argument_gives_the_singular_then_the_plural_ending():
    assert pluriel(1, "a,ont") == "a" and pluriel(0, "a,ont") == "a"
    assert pluriel(4, "a,ont") == "ont"
    assert pluriel(4, "x") == "x" and pluriel(1, "x") == ""


def test_a_template_writes_0_participant_in_the_singular():
    template = Template(
        "{% load french_plural %}{{ n }} participant·e{{ n|pluriel }} recevr{{ n|pluriel:'a,ont' }}"
    )
    assert template.render(Context({"n": 0})) == "0 participant·e recevra"
    assert template.render(Context({"n": 2})) == "2 participant·es recevront"


def test_no_template_uses_djangos_english_pluralize():
    root = Path(settings.BASE_DIR) / "templates"
    offenders = sorted(
        str(path.relative_to(root))
        for path in root.rglob("*")
        if path.suffix in {".html", ".txt"} and "|pluralize" in path.read_text(encoding="utf-8")
    )
    assert offenders == []
