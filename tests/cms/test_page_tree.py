"""Where each page type may live: indexes under the home page, items under their index,
panoramas under a dossier or the panorama index, standard pages under home or each other,
nothing under items."""

import pytest
from wagtail.models import Page

from cms import models as cms
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

# page type → the parents it may live under (keys of the `parents` fixture)
ALLOWED_PARENTS = {
    cms.HomePage: {"root"},
    cms.NewsIndexPage: {"home"},
    cms.BlogIndexPage: {"home"},
    cms.DossierIndexPage: {"home"},
    cms.PressPanoramaIndexPage: {"home"},
    cms.PublicationIndexPage: {"home"},
    cms.EventIndexPage: {"home"},
    cms.NewsletterIndexPage: {"home"},
    cms.StandardPage: {"home", "standard"},
    cms.NewsPage: {"news_index"},
    cms.BriefPage: {"blog_index"},
    cms.DossierPage: {"dossier_index"},
    cms.PressPanoramaPage: {"dossier", "panorama_index"},
    cms.PublicationPage: {"publication_index"},
    cms.EventPage: {"event_index"},
    cms.NewsletterIssuePage: {"newsletter_index"},
}


@pytest.fixture
def parents(tree):
    dossier = factories.make_dossier(tree.dossier_index)
    return {
        "root": Page.get_first_root_node(),
        "home": tree.home,
        "news_index": tree.news_index,
        "news": factories.make_news(tree.news_index),
        "blog_index": tree.blog_index,
        "brief": factories.make_brief(tree.blog_index),
        "dossier_index": tree.dossier_index,
        "dossier": dossier,
        "panorama_index": tree.panorama_index,
        "panorama": factories.make_panorama(dossier),
        "publication_index": tree.publication_index,
        "publication": factories.make_publication(tree.publication_index),
        "event_index": tree.event_index,
        "event": factories.make_event(tree.event_index),
        "newsletter_index": tree.newsletter_index,
        "newsletter": factories.make_newsletter_issue(tree.newsletter_index),
        "standard": factories.make_standard(tree.home),
    }


@pytest.mark.parametrize("page_type", list(ALLOWED_PARENTS), ids=lambda model: model.__name__)
def test_page_type_may_live_only_under_its_allowed_parents(parents, page_type):
    allowed = {name for name, parent in parents.items() if page_type.can_exist_under(parent)}

    assert allowed == ALLOWED_PARENTS[page_type]


def test_every_page_type_of_the_cms_has_a_tree_rule():
    page_types = {
        model
        for model in cms.__dict__.values()
        if isinstance(model, type) and issubclass(model, Page) and not model._meta.abstract
    }

    assert page_types == set(ALLOWED_PARENTS)


def test_items_accept_no_children_except_a_dossier_its_press_panorama(parents):
    for name in ("news", "brief", "panorama", "publication", "event", "newsletter"):
        assert parents[name].specific_class.allowed_subpage_models() == [], name
    assert cms.DossierPage.allowed_subpage_models() == [cms.PressPanoramaPage]


def test_a_home_page_has_only_one_index_of_each_kind(tree):
    assert not cms.NewsIndexPage.can_create_at(tree.home)
    assert not cms.EventIndexPage.can_create_at(tree.home)
    assert cms.StandardPage.can_create_at(tree.home)
