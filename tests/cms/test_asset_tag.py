"""``{% asset %}`` (cms.templatetags.asset_tags): the URL ``{% static %}`` gives, memoised per
process, and given afresh when the static settings change."""

from django.template import Context, Template
from django.test import override_settings


def _render(text):
    return Template("{% load asset_tags static %}" + text).render(Context())


def test_asset_is_the_static_url():
    assert _render("{% asset 'css/portal.css' %}") == _render("{% static 'css/portal.css' %}")


def test_changed_static_settings_give_the_new_url():
    before = _render("{% asset 'css/portal.css' %}")
    with override_settings(STATIC_URL="/ailleurs/"):
        assert _render("{% asset 'css/portal.css' %}") == "/ailleurs/css/portal.css"
    assert _render("{% asset 'css/portal.css' %}") == before


def test_the_layout_links_its_files_with_asset():
    """The templates of every page use the memoised tag (a ``{% static %}`` there costs
    every page a storage lookup per file)."""
    from django.template.loader import get_template

    for name in ("base.html", "extranet/base.html"):
        source = get_template(name).template.source
        assert "{% static" not in source and "{% asset" in source
