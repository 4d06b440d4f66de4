"""How ``/recherche/`` reads: structure and accessibility, forms that work without
JavaScript, facets, sort, pagination, escaping, notices, and French error pages."""

import pytest
from bs4 import BeautifulSoup
from django.db import DatabaseError

from search import engines, service
from search.models import Kind
from tests.factories.search import make_document

pytestmark = pytest.mark.django_db

PAGE_URL = "/recherche/"


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def laicite(db):
    return make_document(
        "Formation laïcité pour les acteur·rice·s",
        "Valeurs de la République et laïcité : une journée de formation.",
        themes=[("laicite", "Laïcité")],
    )


@pytest.fixture
def many(db):
    """25 documents about « quartiers »: three pages of 10."""
    return [make_document(f"Quartiers, fiche {n}", "La vie des quartiers.") for n in range(25)]


# --- structure ------------------------------------------------------------------------------


def test_page_has_one_h1_and_a_labelled_search_form(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité"}))
    assert [h1.get_text(strip=True) for h1 in soup.find_all("h1")] == ["Recherche"]
    form = soup.find("form", attrs={"role": "search"})
    assert form["method"] == "get" and form["action"] == PAGE_URL
    query = form.find("input", attrs={"name": "q"})
    assert query["type"] == "search" and query["value"] == "laïcité"
    assert soup.find("label", attrs={"for": query["id"]}).get_text(strip=True)
    assert form.find("button", attrs={"type": "submit"})


def test_every_visible_field_has_a_label(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité"}))
    fields = [f for f in soup.find_all(["input", "select"]) if f.get("type") != "hidden"]
    assert len(fields) >= 4  # the query, a few facet boxes, the two dates
    for field in fields:
        assert soup.find("label", attrs={"for": field["id"]}), field


def test_title_names_the_query(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité"}))
    assert soup.title.get_text().startswith("Recherche « laïcité »")


def test_page_works_without_javascript_and_loads_nothing_from_elsewhere(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité"}))
    for form in soup.find_all("form"):
        assert form["method"] == "get" and form["action"] == PAGE_URL
    # The site's one script (static/js/portal.js: the phone menu, folding the filters) is an
    # enhancement served from the site itself; nothing is loaded from elsewhere.
    assert all(script["src"].startswith("/static/") for script in soup.find_all("script", src=True))
    assert not soup.find_all("link", href=lambda href: href and href.startswith("http"))


def test_page_without_query_lists_the_newest_content(client, laicite):
    make_document("Plus récent", "Sans rapport.")
    soup = _soup(client.get(PAGE_URL))
    titles = [a.get_text() for a in soup.select(".search-result__title a")]
    assert titles[0] == "Plus récent" and laicite.title in titles


def test_no_result_says_so_and_suggests_what_to_try(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "introuvable"}))
    assert soup.find(id="resultats-titre").get_text(" ", strip=True).startswith("Aucun résultat")
    assert "Vérifiez l'orthographe" in soup.get_text()


# --- results --------------------------------------------------------------------------------


def test_result_links_to_the_content_with_kind_date_and_highlighted_snippet(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité"}))
    (result,) = soup.select(".search-result")
    link = result.select_one(".search-result__title a")
    assert link["href"] == laicite.url
    assert [m.get_text() for m in link.find_all("mark")] == ["laïcité"]
    assert result.select_one(".tag").get_text() == "Actualité"
    assert result.find("time")["datetime"].startswith(laicite.date.date().isoformat()[:4])
    snippet = result.select_one(".search-result__snippet")
    assert [m.get_text() for m in snippet.find_all("mark")] == ["laïcité"]


def test_markup_in_content_is_shown_as_text_never_run(client):
    make_document(
        "<script>alert('laïcité')</script>",
        '<img src=x onerror="alert(1)"> laïcité <b>gras</b>',
    )
    response = client.get(PAGE_URL, {"q": "laïcité"})
    html = response.content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "<b>gras</b>" not in html
    soup = _soup(response)
    assert (
        soup.select_one(".search-result__title a").get_text() == "<script>alert('laïcité')</script>"
    )


def test_private_result_carries_the_reserved_badge(client, member, corpus, space):
    client.force_login(member)
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité"}))
    badges = [b.get_text() for b in soup.select(".search-result .badge-private")]
    assert badges == [f"Réservé aux membres de l'espace « {space.name} »"]


# --- facets and sort ------------------------------------------------------------------------


def test_facets_are_checkboxes_with_counts_and_the_selected_ones_ticked(client, laicite):
    make_document("Rencontre laïcité", "", kind=Kind.EVENT)
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité", "kind": "evenement"}))
    boxes = {box["value"]: box for box in soup.select('input[type=checkbox][name="kind"]')}
    assert set(boxes) == {"evenement", "actualite"}
    assert boxes["evenement"].has_attr("checked") and not boxes["actualite"].has_attr("checked")
    label = soup.find("label", attrs={"for": boxes["actualite"]["id"]}).get_text()
    assert " ".join(label.split()) == "Actualité (1 résultat)"
    legends = [legend.get_text() for legend in soup.select(".search-filters legend")]
    assert legends[0] == "Nature" and "Période" in legends


def test_filter_form_keeps_the_query(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité"}))
    filter_form = soup.select_one(".search-filters form")
    assert filter_form.find("input", attrs={"type": "hidden", "name": "q"})["value"] == "laïcité"


def test_search_form_keeps_the_filters_for_a_new_query(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité", "theme": "laicite", "sort": "date"}))
    form = soup.find("form", attrs={"role": "search"})
    kept = {(i["name"], i["value"]) for i in form.find_all("input", attrs={"type": "hidden"})}
    assert kept == {("theme", "laicite"), ("sort", "date")}


def test_a_selected_filter_that_matches_nothing_can_still_be_unticked(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité", "theme": "inexistant"}))
    box = soup.select_one('input[type=checkbox][name="theme"][value="inexistant"]')
    assert box.has_attr("checked")
    assert soup.find("a", string="Effacer les filtres")["href"] == "?q=la%C3%AFcit%C3%A9"


def test_sort_links_keep_the_query_and_filters_and_mark_the_current_order(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité", "kind": "actualite", "page": 1}))
    sort = soup.select_one(".search-sort")
    assert sort.find(attrs={"aria-current": "true"}).get_text() == "pertinence"
    href = sort.find("a")["href"]
    assert "sort=date" in href and "kind=actualite" in href and "q=la" in href
    assert "page=" not in href


# --- pagination -----------------------------------------------------------------------------


def test_pagination_links_pages_and_numbers_the_results(client, many):
    soup = _soup(client.get(PAGE_URL, {"q": "quartiers", "page_size": 10, "page": 2}))
    nav = soup.find("nav", attrs={"aria-label": "Pages de résultats"})
    assert nav.find(attrs={"aria-current": "page"}).get_text() == "Page 2"
    assert nav.find("a", rel="prev")["href"].endswith("page=1")
    next_href = nav.find("a", rel="next")["href"]
    assert "q=quartiers" in next_href and "page_size=10" in next_href and "page=3" in next_href
    assert soup.select_one("ol.search-result-list")["start"] == "11"
    assert len(soup.select(".search-result")) == 10
    assert "page 2 sur 3" in soup.find(id="resultats-titre").get_text()


def test_a_single_page_has_no_pagination(client, laicite):
    soup = _soup(client.get(PAGE_URL, {"q": "laïcité"}))
    assert soup.find("nav", attrs={"aria-label": "Pages de résultats"}) is None


def test_a_page_past_the_last_one_offers_the_first(client, many):
    soup = _soup(client.get(PAGE_URL, {"q": "quartiers", "page": 50}))
    link = soup.find("a", string="revenir à la première page")
    assert link["href"] == "?q=quartiers"


# --- bad input and failures -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 10_000}, "La recherche ne peut dépasser 200 caractères."),
        ({"page": "-1"}, "Le numéro de page commence à 1."),
        ({"page": "100000"}, "Au-delà de la page 100, affinez plutôt la recherche."),
        ({"date_from": "2023-02-30"}, "Date invalide."),
        ({"kind": "inconnu"}, "Nature de contenu inconnue : « inconnu »."),
        ({"auteur": "x"}, "Paramètre inconnu : « auteur »."),
    ],
)
def test_bad_input_answers_a_400_page_with_a_french_message(client, params, message):
    response = client.get(PAGE_URL, params)
    assert response.status_code == 400
    soup = _soup(response)
    summary = soup.select_one(".error-summary")
    assert summary["role"] == "alert"
    assert message in summary.get_text()
    assert len(soup.find_all("h1")) == 1
    assert soup.find("form", attrs={"role": "search"})


def test_a_too_long_query_is_pointed_at_and_shown_back_shortened(client):
    soup = _soup(client.get(PAGE_URL, {"q": "x" * 10_000}))
    field = soup.find("input", attrs={"name": "q"})
    assert field["aria-invalid"] == "true" and field["aria-describedby"] == "q-erreur"
    assert len(field["value"]) == 200
    assert soup.select_one(".error-summary a")["href"] == "#id_q"


@pytest.mark.parametrize(
    "q",
    ['"', "*", "~", ":", "(((", "]", "\x00", "😀", "'; DROP TABLE x; --", "\\", "%", "·" * 150],
)
def test_odd_queries_answer_a_page_never_a_500(client, laicite, q):
    response = client.get(PAGE_URL, {"q": q})
    assert response.status_code in (200, 400)
    assert len(_soup(response).find_all("h1")) == 1


class _UnreachableEngine:
    name = "elasticsearch"

    def search(self, request):
        raise engines.EngineUnavailable("connection refused")


def test_engine_down_page_shows_fallback_results_with_a_notice(client, laicite, monkeypatch):
    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    response = client.get(PAGE_URL, {"q": "laïcité"})
    assert response.status_code == 200
    soup = _soup(response)
    assert "mode dégradé" in soup.find(attrs={"role": "status"}).get_text()
    assert [a.get_text() for a in soup.select(".search-result__title a")] == [laicite.title]


def test_engine_and_fallback_down_answer_a_503_page(client, laicite, monkeypatch):
    def broken(self, request):
        raise DatabaseError("no database")

    monkeypatch.setattr(service, "default_engine", lambda: _UnreachableEngine())
    monkeypatch.setattr(engines.FallbackEngine, "search", broken)
    response = client.get(PAGE_URL, {"q": "laïcité"})
    assert response.status_code == 503
    soup = _soup(response)
    assert "momentanément indisponible" in soup.find(attrs={"role": "alert"}).get_text()
    assert soup.find("form", attrs={"role": "search"})


def test_the_page_only_answers_reads(client):
    assert client.head(PAGE_URL).status_code == 200
    assert client.post(PAGE_URL, {"q": "laïcité"}).status_code == 405
