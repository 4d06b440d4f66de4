"""Listings of the index pages: filters, bad filter values, pagination, upcoming and past
events, and what never appears (drafts, private pages)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.listings import PAGE_SIZE
from cms.models import HomeFeaturedDossier
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


def _titles(response):
    return [item.title for item in response.context["listing"].items]


def test_news_are_listed_newest_first(client, tree):
    factories.make_news(tree.news_index, title="Ancienne", date=datetime.date(2022, 3, 1))
    factories.make_news(tree.news_index, title="Récente", date=datetime.date(2023, 3, 1))

    response = client.get(tree.news_index.url)

    assert _titles(response) == ["Récente", "Ancienne"]


def test_filter_by_theme_includes_its_sub_themes(client, tree, education):
    sub_theme = factories.make_theme("Réussite éducative", parent=education)
    factories.make_news(tree.news_index, title="Éducation", themes=[education])
    factories.make_news(tree.news_index, title="Sous-thème", themes=[sub_theme])
    factories.make_news(tree.news_index, title="Autre", themes=[factories.make_theme("Autre")])

    response = client.get(tree.news_index.url, {"theme": "education"})

    assert sorted(_titles(response)) == ["Sous-thème", "Éducation"]


def test_item_with_two_matching_themes_is_listed_once(client, tree, education):
    sub_theme = factories.make_theme("Réussite éducative", parent=education)
    factories.make_news(tree.news_index, title="Double", themes=[education, sub_theme])

    response = client.get(tree.news_index.url, {"theme": "education"})

    assert _titles(response) == ["Double"]


def test_filter_by_territory_includes_territories_inside_it(client, tree, haute_garonne):
    toulouse = factories.make_territory(
        "Toulouse", slug="toulouse", level="commune", code="31555", parent=haute_garonne
    )
    herault = factories.make_territory("Hérault", slug="herault", code="34")
    factories.make_brief(tree.blog_index, title="Département", territories=[haute_garonne])
    factories.make_brief(tree.blog_index, title="Commune", territories=[toulouse])
    factories.make_brief(tree.blog_index, title="Ailleurs", territories=[herault])

    response = client.get(tree.blog_index.url, {"territory": "haute-garonne"})

    assert sorted(_titles(response)) == ["Commune", "Département"]


def test_filter_by_year(client, tree):
    factories.make_publication(
        tree.publication_index, title="2017", date=datetime.date(2017, 5, 18)
    )
    factories.make_publication(tree.publication_index, title="2023", date=datetime.date(2023, 1, 9))

    response = client.get(tree.publication_index.url, {"year": "2017"})

    assert _titles(response) == ["2017"]


def test_filter_publications_by_kind(client, tree):
    factories.make_publication(tree.publication_index, title="Actes", kind="confat")
    factories.make_publication(tree.publication_index, title="Fiche", kind="fichexperience")

    response = client.get(tree.publication_index.url, {"kind": "fichexperience"})

    assert _titles(response) == ["Fiche"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"theme": "inconnue"}, "Thématique inconnue."),
        ({"territory": "atlantide"}, "Territoire inconnu."),
        ({"year": "deux-mille"}, "Aucun contenu pour l'année « deux-mille »."),
        ({"year": "1850"}, "Aucun contenu pour l'année « 1850 »."),
        ({"theme": "<script>"}, "Thématique inconnue."),
    ],
)
def test_bad_filter_value_gives_an_empty_page_with_a_french_message(client, tree, params, message):
    factories.make_news(tree.news_index)

    response = client.get(tree.news_index.url, params)

    assert response.status_code == 200
    assert _titles(response) == []
    assert message in response.context["listing"].message
    assert message.replace("'", "&#x27;") in response.content.decode()


def test_empty_result_of_valid_filters_says_so(client, tree, education):
    factories.make_news(tree.news_index)

    response = client.get(tree.news_index.url, {"theme": "education"})

    assert response.context["listing"].message == "Aucun contenu ne correspond à ces critères."


def test_listing_shows_twelve_items_per_page(client, tree):
    for number in range(PAGE_SIZE + 1):
        factories.make_brief(tree.blog_index, title=f"Brève {number}")

    first = client.get(tree.blog_index.url)
    second = client.get(tree.blog_index.url, {"page": "2"})

    assert len(_titles(first)) == PAGE_SIZE
    assert len(_titles(second)) == 1
    assert set(_titles(first)).isdisjoint(_titles(second))


@pytest.mark.parametrize(("page", "expected"), [("999", 2), ("0", 2), ("abc", 1), ("-1", 2)])
def test_page_number_out_of_bounds_gives_the_nearest_page(client, tree, page, expected):
    for number in range(PAGE_SIZE + 1):
        factories.make_brief(tree.blog_index, title=f"Brève {number}")

    response = client.get(tree.blog_index.url, {"page": page})

    assert response.status_code == 200
    assert response.context["listing"].page.number == expected


def test_pagination_links_keep_the_filters(client, tree, education):
    for number in range(PAGE_SIZE + 1):
        factories.make_news(tree.news_index, title=f"Actu {number}", themes=[education])

    response = client.get(tree.news_index.url, {"theme": "education"})

    assert "?theme=education&amp;page=2" in response.content.decode()


def test_drafts_and_private_pages_are_not_listed(client, tree):
    factories.make_news(tree.news_index, title="Publique")
    factories.make_news(tree.news_index, title="Brouillon", publish=False)
    private = factories.make_news(tree.news_index, title="Réservée")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(tree.news_index.url)

    assert _titles(response) == ["Publique"]


def test_events_listing_shows_upcoming_events_soonest_first_by_default(client, tree):
    now = timezone.now()
    factories.make_event(
        tree.event_index, title="Dans un mois", start=now + datetime.timedelta(days=30)
    )
    factories.make_event(tree.event_index, title="Demain", start=now + datetime.timedelta(days=1))
    factories.make_event(tree.event_index, title="Passé", start=now - datetime.timedelta(days=3))

    response = client.get(tree.event_index.url)

    assert _titles(response) == ["Demain", "Dans un mois"]
    assert response.context["listing"].when == "upcoming"


def test_events_listing_shows_past_events_latest_first_on_demand(client, tree):
    now = timezone.now()
    factories.make_event(
        tree.event_index, title="Il y a un an", start=now - datetime.timedelta(days=365)
    )
    factories.make_event(tree.event_index, title="Hier", start=now - datetime.timedelta(days=1))
    factories.make_event(tree.event_index, title="À venir", start=now + datetime.timedelta(days=3))

    response = client.get(tree.event_index.url, {"when": "past"})

    assert _titles(response) == ["Hier", "Il y a un an"]


def test_event_in_progress_is_still_upcoming(client, tree):
    now = timezone.now()
    factories.make_event(
        tree.event_index,
        title="En cours",
        start=now - datetime.timedelta(hours=1),
        end=now + datetime.timedelta(hours=2),
    )

    assert _titles(client.get(tree.event_index.url)) == ["En cours"]
    assert _titles(client.get(tree.event_index.url, {"when": "past"})) == []


def test_unknown_event_period_gives_an_empty_page_with_a_message(client, tree):
    factories.make_event(tree.event_index)

    response = client.get(tree.event_index.url, {"when": "demain"})

    assert response.status_code == 200
    assert _titles(response) == []
    assert "Période inconnue" in response.context["listing"].message


def test_panorama_index_lists_panoramas_that_live_under_dossiers(client, tree):
    dossier = factories.make_dossier(tree.dossier_index)
    factories.make_panorama(dossier, title="Sous le dossier")
    factories.make_panorama(tree.panorama_index, title="Sous l'index")

    response = client.get(tree.panorama_index.url)

    assert sorted(_titles(response)) == ["Sous l'index", "Sous le dossier"]


def test_home_page_shows_latest_news_briefs_upcoming_events_dossiers_and_themes(client, tree):
    field = factories.make_theme("Politique de la ville")
    factories.make_theme("Sous-thème", parent=field)
    news = factories.make_news(tree.news_index, title="Actualité récente")
    brief = factories.make_brief(tree.blog_index, title="Brève récente")
    event = factories.make_event(tree.event_index, title="Rencontre à venir")
    factories.make_event(
        tree.event_index,
        title="Rencontre passée",
        start=timezone.now() - datetime.timedelta(days=10),
    )
    dossier = factories.make_dossier(tree.dossier_index, title="Dossier récent")

    context = client.get(tree.home.url).context

    assert context["latest_news"] == [news]
    assert context["latest_briefs"] == [brief]
    assert context["upcoming_events"] == [event]
    assert context["featured_dossiers"] == [dossier]
    assert context["themes"] == [field]


def test_home_page_shows_chosen_dossiers_in_the_chosen_order(client, tree):
    first = factories.make_dossier(tree.dossier_index, title="Premier choisi")
    second = factories.make_dossier(tree.dossier_index, title="Second choisi")
    factories.make_dossier(tree.dossier_index, title="Non choisi")
    home = tree.home
    home.featured_dossiers = [
        HomeFeaturedDossier(dossier=second, sort_order=0),
        HomeFeaturedDossier(dossier=first, sort_order=1),
    ]
    home.save_revision().publish()

    context = client.get(home.url).context

    assert context["featured_dossiers"] == [second, first]


def test_filter_form_fields_are_labelled(client, tree):
    html = client.get(tree.news_index.url).content.decode()

    for name, label in (("theme", "Thématique"), ("territory", "Territoire"), ("year", "Année")):
        assert f'<label for="id_{name}">{label}</label>' in html
