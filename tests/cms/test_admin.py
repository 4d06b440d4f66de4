"""The Wagtail admin works for editors: every page type's create form renders (panels are
valid), and the taxonomies are snippets with search, in a "Taxonomies" menu."""

import pytest
from django.urls import reverse

from tests.factories import cms as factories
from tests.factories.users import StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    client.force_login(StaffFactory(email="admin@exemple.org"))
    return client


def _add_url(model_name, parent):
    return reverse("wagtailadmin_pages:add", args=("cms", model_name, parent.pk))


@pytest.mark.parametrize(
    ("model_name", "parent_name"),
    [
        ("newspage", "news_index"),
        ("briefpage", "blog_index"),
        ("dossierpage", "dossier_index"),
        ("presspanoramapage", "panorama_index"),
        ("publicationpage", "publication_index"),
        ("eventpage", "event_index"),
        ("newsletterissuepage", "newsletter_index"),
        ("standardpage", "home"),
    ],
)
def test_create_form_of_each_page_type_renders(admin_client, tree, model_name, parent_name):
    parent = tree.home if parent_name == "home" else getattr(tree, parent_name)

    response = admin_client.get(_add_url(model_name, parent))

    assert response.status_code == 200


def test_edit_form_of_the_home_page_renders(admin_client, tree):
    factories.make_dossier(tree.dossier_index)

    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(tree.home.pk,)))

    assert response.status_code == 200


def test_editor_saving_an_event_ending_before_it_starts_sees_a_french_error(admin_client, tree):
    response = admin_client.post(
        _add_url("eventpage", tree.event_index),
        {
            "title": "Rencontre",
            "slug": "rencontre",
            "start": "2024-05-18 14:00",
            "end": "2024-05-18 10:00",
            "place": "Toulouse",
            "body-count": "0",
        },
    )

    assert response.status_code == 200
    assert "La fin de l&#x27;évènement ne peut pas précéder son début." in response.content.decode()


@pytest.mark.parametrize(
    ("model", "query"), [("theme", "Éduc"), ("territory", "31"), ("network", "VRL")]
)
def test_taxonomy_snippets_are_listed_and_searchable(admin_client, model, query):
    factories.make_theme("Éducation")
    factories.make_territory("Haute-Garonne", code="31")
    factories.make_network("Valeurs de la République et laïcité", short_name="VRL")

    response = admin_client.get(reverse(f"wagtailsnippets_cms_{model}:list"), {"q": query})

    assert response.status_code == 200
    assert response.context["object_list"] and len(response.context["object_list"]) == 1


def test_taxonomies_are_grouped_in_one_admin_menu(admin_client):
    response = admin_client.get(reverse("wagtailadmin_home"))

    html = response.content.decode()
    assert "Taxonomies" in html
