"""French error pages in the site's layout, that render even when the database is down."""

import pytest
from django.template.loader import render_to_string
from django.test import Client


@pytest.mark.django_db
def test_a_missing_page_is_a_french_404_in_the_site_layout(client):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text
    assert 'class="site-header"' in response.text
    assert 'action="/recherche/"' in response.text


@pytest.mark.django_db
def test_a_server_error_is_a_french_500_in_the_site_layout(monkeypatch):
    def boom(request):
        raise RuntimeError("panne")

    monkeypatch.setattr(
        "portal.health.HealthMiddleware.__call__", lambda self, request: boom(request)
    )
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Une erreur est survenue" in response.text
    assert 'class="site-header"' in response.text


def test_error_pages_render_without_a_request_nor_the_database(django_assert_num_queries):
    for template, text in [
        ("500.html", "Une erreur est survenue"),
        ("403.html", "Accès refusé"),
        ("403_csrf.html", "Le formulaire a expiré"),
        ("404.html", "Page introuvable"),
    ]:
        html = render_to_string(template)
        assert text in html
        assert '<html lang="fr">' in html


@pytest.mark.django_db
def test_a_rejected_form_gives_the_french_csrf_page(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/extranet/connexion/", {"username": "a@b.fr", "password": "x"})
    assert response.status_code == 403
    assert "Le formulaire a expiré" in response.text
