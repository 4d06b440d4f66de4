"""The rendered header menu and footer (cms.navigation.layout): rendered once per generation
and host, with each request's ``aria-current``; the generations read in one query, the
menu and the footer in one cache read."""

import pytest
from django.template import loader

from cms import generation
from cms.generation import CONTENT, PAGES, bump_generation
from cms.navigation import layout

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch):
    """The layout templates rendered, by name."""
    done = []
    real = loader.render_to_string

    def counting(name, *args, **kwargs):
        done.append(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(layout, "render_to_string", counting)
    return done


def _menu_and_footer(rf, path):
    request = rf.get(path)
    return layout.main_menu(request), layout.footer(request)


def test_a_warm_layout_renders_no_template(rf, tree, renders):
    _menu_and_footer(rf, "/")
    renders.clear()
    _menu_and_footer(rf, "/")
    assert renders == []


def test_each_section_gets_its_own_aria_current(rf, tree, renders):
    home_menu, _ = _menu_and_footer(rf, "/")
    extranet_menu, _ = _menu_and_footer(rf, "/extranet/sujets/")
    assert "aria-current" not in home_menu
    assert '<a href="/extranet/" aria-current="true">' in extranet_menu


def test_the_layout_reads_both_generations_in_one_query(rf, tree, django_assert_num_queries):
    _menu_and_footer(rf, "/")  # the site and the links in the cache
    token = generation._request_tokens.set({})  # a new request's memo
    try:
        with django_assert_num_queries(1):
            _menu_and_footer(rf, "/")
        assert {CONTENT, PAGES} <= set(generation._request_tokens.get())
    finally:
        generation._request_tokens.reset(token)


def test_a_warm_layout_is_one_cache_read_per_request(rf, tree, monkeypatch):
    _menu_and_footer(rf, "/")
    _menu_and_footer(rf, "/extranet/sujets/")
    reads = []
    real = layout.cache.get

    def counting(key, *args, **kwargs):
        reads.append(key)
        return real(key, *args, **kwargs)

    monkeypatch.setattr(layout.cache, "get", counting)
    assert _menu_and_footer(rf, "/extranet/sujets/")[0].count('aria-current="true"') == 1
    assert len(reads) == 1


def test_a_new_generation_renders_the_layout_again(rf, tree, renders):
    _menu_and_footer(rf, "/")
    renders.clear()
    bump_generation(PAGES)
    _menu_and_footer(rf, "/")
    assert layout.MENU_TEMPLATE in renders
