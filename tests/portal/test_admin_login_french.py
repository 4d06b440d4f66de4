"""The Wagtail admin's login page is French throughout, its password field included."""

import re

import pytest

pytestmark = pytest.mark.django_db


def _label_of(html, field_id):
    match = re.search(rf'<label[^>]*for="{field_id}"[^>]*>\s*([^<*]+?)\s*<', html)
    return match and match.group(1)


def test_the_admin_login_labels_the_password_field_in_french(client):
    html = client.get("/admin/login/").content.decode()
    assert _label_of(html, "id_password") == "Mot de passe"
    assert _label_of(html, "id_username") == "Adresse e-mail"


def test_the_admin_login_still_logs_in_with_the_french_form(client, django_user_model):
    django_user_model.objects.create_superuser(
        email="relecture@exemple.org", password="un-mot-de-passe-solide"
    )
    response = client.post(
        "/admin/login/", {"username": "relecture@exemple.org", "password": "un-mot-de-passe-solide"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
