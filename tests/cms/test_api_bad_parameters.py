"""Bad parameters answer 400 with a JSON message, never a 500 and never an empty 200.

Decision: an unknown theme or territory slug is a 400 as well (not an empty list), so a typo
in a front end shows at once; see docs/api.md.
"""

import pytest
from django.db import transaction

from cms.models import NewsIndexPage
from tests.factories import cms as factories

TOO_BIG = "9" * 30

# (query parameters, a fragment the message must contain: the 400 is for the right reason)
BAD_PAGE_LISTINGS = [
    ({"type": "cms.Nope"}, "type"),
    ({"type": "wagtailimages.Image"}, "type"),
    ({"type": "sans-point"}, "type"),
    ({"theme": "thematique-inconnue"}, "theme : thématique inconnue"),
    ({"territory": "nulle-part"}, "territory : territoire inconnu"),
    ({"theme": ""}, "theme : valeur vide"),
    ({"year": "23"}, "year :"),
    ({"year": "deux-mille"}, "year :"),
    ({"date_from": "2023-13-01"}, "date_from :"),
    ({"date_to": "18/05/2017"}, "date_to :"),
    ({"date_from": "2023-06-01", "date_to": "2023-05-01"}, "date_from : doit précéder"),
    ({"limit": "51"}, "limit cannot be higher than 50"),
    ({"limit": "-1"}, "limit"),
    ({"limit": "beaucoup"}, "limit"),
    ({"offset": "-1"}, "offset"),
    ({"offset": "x"}, "offset"),
    ({"fields": "champ_inconnu"}, "unknown fields: champ_inconnu"),
    ({"fields": "title("}, "fields error"),
    ({"fields": ",title"}, "fields error"),
    ({"fields": "title,,slug"}, "fields error"),
    ({"type": "cms.NewsPage", "fields": "body"}, "body seulement dans le détail"),
    ({"type": "cms.NewsPage", "fields": "image(champ_inconnu)"}, "champ_inconnu"),
    ({"parametre_inconnu": "1"}, "parametre_inconnu"),
    ({"order": "champ_inconnu"}, "cannot order by"),
    ({"order": "random", "offset": "1"}, "random ordering"),
    ({"type": "cms.NewsPage", "order": "themes"}, "order : impossible"),
    ({"type": "cms.NewsPage", "order": "body"}, "order : impossible"),
    ({"search": "laïcité"}, "search is disabled"),
    ({"child_of": "abc"}, "child_of"),
    ({"child_of": "999999"}, "parent page doesn't exist"),
    ({"child_of": TOO_BIG}, "parent page doesn't exist"),
    ({"descendant_of": "-3"}, "descendant_of"),
    ({"ancestor_of": "x"}, "ancestor_of"),
    ({"type": "cms.NewsPage", "date": "pas-une-date"}, "date : valeur non valide"),
    ({"type": "cms.NewsPage", "themes": "abc"}, "themes : valeur non valide"),
    ({"type": "cms.NewsPage", "image": "abc"}, "image : valeur non valide"),
    ({"type": "cms.NewsPage", "body": "x"}, "body : ce champ ne peut pas servir de filtre"),
    ({"type": "cms.EventPage", "start": "demain"}, "start : valeur non valide"),
    ({"type": "cms.EventPage", "is_online": "peut-etre"}, "is_online"),
    ({"type": "cms.PublicationPage", "kind": "inconnu"}, "kind : valeur inconnue"),
    ({"type": "cms.PublicationPage", "kind": ""}, "kind :"),
    ({"type": "cms.PublicationPage", "number": "1.5"}, "number : valeur non valide"),
    ({"type": "cms.PublicationPage", "number": TOO_BIG}, "number : valeur non valide"),
    ({"type": "cms.NewsPage", "upcoming": "true"}, "upcoming : réservé aux évènements"),
    ({"upcoming": "true"}, "upcoming : réservé aux évènements"),
    ({"type": "cms.EventPage", "upcoming": "oui"}, "upcoming :"),
    ({"type": "cms.StandardPage", "theme": "education"}, "theme : ce filtre ne s'applique pas"),
    ({"type": "cms.StandardPage", "year": "2023"}, "year : le type cms.StandardPage"),
    ({"type": "cms.NewsIndexPage", "date_from": "2023-01-01"}, "date_from : le type"),
    ({"locale": "xx"}, "locale : langue inconnue"),
    ({"site": "inconnu.example"}, "site : aucun site"),
    ({"site": "localhost:port"}, "site : port non valide"),
    ({"rich_text_format": "bogus"}, "bogus"),
    ({"id": "abc"}, "id"),
    ({"title": "nul\x00"}, "title : caractère nul"),
]

BAD_OTHER_REQUESTS = [
    ("/api/v2/pages/find/", {"id": "abc"}, "id : entier positif attendu"),
    ("/api/v2/pages/find/", {"id": TOO_BIG}, "id : entier positif attendu"),
    ("/api/v2/documents/", {"limit": "1000"}, "limit"),
    ("/api/v2/documents/", {"fields": "champ_inconnu"}, "unknown fields"),
    ("/api/v2/documents/", {"id": "abc"}, "id : valeur non valide"),
    ("/api/v2/images/", {"order": "champ_inconnu"}, "cannot order by"),
    ("/api/v2/images/", {"width": "large"}, "width"),
    ("/api/v2/images/", {"offset": "-5"}, "offset"),
    ("/api/v2/page_preview/", {}, "content_type : paramètre obligatoire"),
    ("/api/v2/page_preview/", {"content_type": "cms.newspage"}, "token : paramètre obligatoire"),
    (
        "/api/v2/page_preview/",
        {"content_type": "cms.newspage", "token": "x", "autre": "1"},
        "autre",
    ),
]


def assert_json_400(response, fragment):
    assert response.status_code == 400, (response.status_code, response.content)
    assert response["Content-Type"].startswith("application/json")
    message = response.json()["message"]
    assert fragment in message


@pytest.fixture(scope="module")
def content(django_db_setup, django_db_blocker):
    """One small site for the whole module, rolled back at its end (these tests only read)."""
    with django_db_blocker.unblock(), transaction.atomic():
        home = factories.make_home()
        news_index = factories.add_page(home, NewsIndexPage(title="Actualités"))
        education = factories.make_theme("Éducation", slug="education")
        factories.make_news(news_index, themes=[education])
        yield home
        transaction.set_rollback(True)


@pytest.mark.parametrize(("params", "fragment"), BAD_PAGE_LISTINGS, ids=str)
def test_bad_listing_parameter_answers_400_json(client, content, db, params, fragment):
    assert_json_400(client.get("/api/v2/pages/", params), fragment)


@pytest.mark.parametrize(("path", "params", "fragment"), BAD_OTHER_REQUESTS, ids=str)
def test_bad_parameter_on_other_endpoints_answers_400_json(
    client, content, db, path, params, fragment
):
    assert_json_400(client.get(path, params), fragment)


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({"parametre_inconnu": "1"}, "parametre_inconnu"),
        ({"fields": "champ_inconnu"}, "unknown fields"),
        ({"fields": "title("}, "fields error"),
    ],
)
def test_bad_parameter_on_page_detail_answers_400_json(client, content, db, params, fragment):
    assert_json_400(client.get(f"/api/v2/pages/{content.pk}/", params), fragment)


def test_error_messages_are_french_for_the_portal_filters(client, content, db):
    response = client.get("/api/v2/pages/", {"theme": "thematique-inconnue"})

    assert response.json() == {"message": "theme : thématique inconnue « thematique-inconnue »."}


def test_offset_past_the_end_answers_an_empty_page_with_the_count(client, content, db):
    response = client.get("/api/v2/pages/", {"type": "cms.NewsPage", "offset": TOO_BIG})

    assert response.status_code == 200
    assert response.json() == {"meta": {"total_count": 1}, "items": []}


def test_id_too_big_for_the_database_is_404(client, content, db):
    response = client.get(f"/api/v2/pages/{TOO_BIG}/")

    assert response.status_code == 404
    assert "message" in response.json()


def test_limit_at_the_maximum_is_accepted(client, content, db, settings):
    assert settings.WAGTAILAPI_LIMIT_MAX == 50
    assert client.get("/api/v2/pages/", {"limit": "50"}).status_code == 200
