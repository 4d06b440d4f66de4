"""Theme and territory chips lead to filtered listings; « À lire aussi » shows pages that
share themes (cms.navigation.chips, cms.related)."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from cms.related import related_pages
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _chips(html):
    block = re.search(r'<ul class="tags" aria-label="Classement">.*?</ul>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', block)


def test_a_theme_chip_links_to_the_listing_of_the_same_type_filtered_by_it(
    client, tree, education, haute_garonne
):
    news = factories.make_news(tree.news_index, themes=[education], territories=[haute_garonne])
    chips = _chips(client.get(news.url).content.decode())
    assert chips == [
        ("/actualites/?theme=education", "Éducation"),
        ("/actualites/?territory=haute-garonne", "Haute-Garonne"),
    ]


def test_the_filtered_listing_of_a_chip_lists_the_page(client, tree, education):
    news = factories.make_news(tree.news_index, title="Rentrée scolaire", themes=[education])
    factories.make_news(tree.news_index, title="Autre sujet")
    html = client.get("/actualites/?theme=education").content.decode()
    assert news.title in html and "Autre sujet" not in html


def test_panorama_chips_lead_to_the_panorama_index_although_panoramas_live_under_dossiers(
    client, tree, education
):
    dossier = factories.make_dossier(tree.dossier_index)
    panorama = factories.make_panorama(dossier, themes=[education])
    chips = _chips(client.get(panorama.url).content.decode())
    assert chips == [("/panoramas-de-presse/?theme=education", "Éducation")]


def test_chips_on_listing_cards_link_too(client, tree, education):
    factories.make_news(tree.news_index, themes=[education])
    html = client.get("/actualites/").content.decode()
    assert '<a href="/actualites/?theme=education">Éducation</a>' in html


def test_a_chip_stays_text_when_its_listing_is_unpublished(client, tree, education):
    dossier = factories.make_dossier(tree.dossier_index, themes=[education])
    tree.dossier_index.unpublish()  # the dossier itself stays live
    html = client.get(dossier.url).content.decode()
    assert '<li class="tag">Éducation</li>' in html
    assert "?theme=education" not in html


def _dated(days):
    return datetime.date(2026, 1, 1) + datetime.timedelta(days=days)


def test_read_also_lists_pages_of_the_three_kinds_sharing_a_theme(client, tree, education):
    other = factories.make_theme("Pauvreté", slug="pauvrete")
    page = factories.make_news(tree.news_index, title="Lue", themes=[education])
    dossier = factories.make_dossier(tree.dossier_index, title="Dossier lié", themes=[education])
    publication = factories.make_publication(
        tree.publication_index, title="Actes liés", themes=[education]
    )
    factories.make_news(tree.news_index, title="Sans rapport", themes=[other])
    html = client.get(page.url).content.decode()
    section = re.search(r'<section class="related".*?</section>', html, re.S).group(0)
    assert "À lire aussi" in section
    assert dossier.title in section and publication.title in section
    assert "Sans rapport" not in section and ">Lue<" not in section


def test_read_also_prefers_pages_sharing_more_themes_then_the_newest(tree, education):
    laicite = factories.make_theme("Laïcité", slug="laicite")
    page = factories.make_news(tree.news_index, themes=[education, laicite])
    both = factories.make_news(
        tree.news_index, title="Les deux", date=_dated(1), themes=[education, laicite]
    )
    recent = factories.make_dossier(
        tree.dossier_index, title="Récent", date=_dated(30), themes=[education]
    )
    old = factories.make_publication(
        tree.publication_index, title="Ancien", date=_dated(2), themes=[education]
    )
    assert [p.title for p in related_pages(page)] == [both.title, recent.title, old.title]


def test_read_also_leaves_out_drafts_and_private_pages(tree, education):
    page = factories.make_news(tree.news_index, themes=[education])
    factories.make_news(tree.news_index, title="Brouillon", themes=[education], publish=False)
    private = factories.make_news(tree.news_index, title="Privée", themes=[education])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert related_pages(page) == []


def test_read_also_is_absent_without_themes(client, tree):
    page = factories.make_news(tree.news_index)
    assert "À lire aussi" not in client.get(page.url).content.decode()


def test_read_also_costs_the_same_queries_for_one_or_many_candidates(
    tree, education, django_assert_max_num_queries
):
    page = factories.make_news(tree.news_index, themes=[education])
    for _ in range(8):
        factories.make_dossier(tree.dossier_index, themes=[education])
    with django_assert_max_num_queries(12):
        items = related_pages(page)
        for item in items:
            list(item.themes.all())
            list(item.territories.all())
    assert len(items) == 3
