"""The shared layout (header menu, footer, the site of a host) is keyed by content
generations: every write to a model it shows, as ``portal.fragments.registry`` declares it,
starts a new generation of the declared scope. Parametrised from the registry; the triggers
themselves are the CMS's (``cms.api.cache.connect_signals``, ``cms.invalidation``)."""

from types import SimpleNamespace

import pytest
from django.apps import apps
from wagtail.models import PageViewRestriction, Site

from cms.generation import current_generation
from cms.navigation.settings import FooterSettings
from portal.fragments import counters, registry
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _page(world):
    return {
        "create": lambda: factories.make_standard(world.tree.home, title="Nouvelle page"),
        "update": lambda: world.page.save_revision().publish(),
        "delete": lambda: world.page.unpublish(),
    }


def _site(world):
    return {
        "create": lambda: Site.objects.create(
            hostname="autre.exemple.org", root_page=world.tree.home
        ),
        "update": lambda: Site.objects.filter(is_default_site=True).get().save(),
        "delete": lambda: Site.objects.filter(is_default_site=True).get().delete(),
    }


def _restriction(world):
    return {
        "create": lambda: PageViewRestriction.objects.create(
            page=world.page, restriction_type="login"
        ),
        "update": lambda: world.restriction.save(),
        "delete": lambda: world.restriction.delete(),
    }


def _footer(world):
    return {
        "create": lambda: FooterSettings.objects.create(
            site=Site.objects.create(hostname="pied.exemple.org", root_page=world.tree.home)
        ),
        "update": lambda: world.footer.save(),
        "delete": lambda: world.footer.delete(),
    }


WRITES = {
    "wagtailcore.page": _page,
    "wagtailcore.site": _site,
    "wagtailcore.pageviewrestriction": _restriction,
    "cms.footersettings": _footer,
}


@pytest.fixture
def world(db):
    tree = factories.make_site_tree()
    page = factories.make_standard(tree.home, title="Page montrée")
    other = factories.make_standard(tree.home, title="Page réservée")
    site = Site.objects.get(is_default_site=True)
    return SimpleNamespace(
        tree=tree,
        page=page,
        restriction=PageViewRestriction.objects.create(page=other, restriction_type="login"),
        footer=FooterSettings.objects.get_or_create(site=site)[0],
    )


def _cases():
    seen = set()
    for fragment in registry.FRAGMENTS:
        for source in fragment.sources:
            if isinstance(source.counter, counters.Generation) and source not in seen:
                seen.add(source)
                for operation in ("create", "update", "delete"):
                    yield pytest.param(
                        source, operation, id=f"{source.model}→{source.counter.name}|{operation}"
                    )


@pytest.mark.parametrize(("source", "operation"), list(_cases()))
def test_every_write_to_a_model_of_the_layout_starts_a_new_generation(
    world, source, operation, django_capture_on_commit_callbacks
):
    write = WRITES[apps.get_model(source.model)._meta.label_lower](world)[operation]
    before = current_generation(source.counter.scope)
    with django_capture_on_commit_callbacks(execute=True):
        write()
    assert current_generation(source.counter.scope) != before
