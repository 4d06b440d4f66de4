"""Extranet login by e-mail, rate limiting, session rotation, deactivation."""

import pytest
from django.contrib.auth import SESSION_KEY, get_user
from django.test import RequestFactory
from django.urls import reverse

from extranet.accounts import lockout
from tests.factories.users import UserFactory

PASSWORD = "motdepasse-de-test"
LOGIN_URL = "/extranet/connexion/"


@pytest.fixture
def person(db):
    return UserFactory(email="camille@exemple.org")


@pytest.fixture
def clock(monkeypatch):
    """Move the lock-out clock instead of sleeping."""
    now = [1_000_000.0]
    monkeypatch.setattr(lockout, "clock", lambda: now[0])
    return now


def _login(client, email, password, ip="192.0.2.10"):
    return client.post(LOGIN_URL, {"username": email, "password": password}, REMOTE_ADDR=ip)


def _fail(client, email, times, ip="192.0.2.10"):
    for _ in range(times):
        _login(client, email, "mauvais-mot-de-passe", ip=ip)


def test_login_url_is_the_settings_login_url(settings):
    assert reverse("extranet:login") == settings.LOGIN_URL == LOGIN_URL


def test_login_page_is_in_french(client, db):  # the layout reads the menu and footer
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    assert "Connexion à l'espace membres" in response.text
    assert "Mot de passe oublié" in response.text


def test_member_logs_in_with_email_in_any_case(client, person):
    response = _login(client, "Camille@Exemple.org", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/extranet/"
    assert client.session[SESSION_KEY] == str(person.pk)


def test_wrong_password_gives_a_french_message(client, person):
    response = _login(client, person.email, "mauvais")
    assert response.status_code == 200
    assert "Adresse e-mail ou mot de passe incorrect" in response.text


def test_session_key_changes_at_login(client, person):
    client.get(LOGIN_URL)
    session = client.session
    session["avant-connexion"] = True
    session.save()
    before = session.session_key
    _login(client, person.email, PASSWORD)
    assert client.session.session_key != before
    assert client.session[SESSION_KEY] == str(person.pk)


def test_lockout_after_max_failures_with_french_message(client, person, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    settings.LOGIN_LOCKOUT_SECONDS = 900
    _fail(client, person.email, 2)
    response = _login(client, person.email, "encore-faux")
    assert response.status_code == 429
    assert "Trop de tentatives de connexion ont échoué" in response.text
    assert "15 minutes" in response.text


def test_locked_out_account_is_refused_even_with_the_right_password(
    client, person, settings, clock
):
    settings.LOGIN_MAX_FAILURES = 3
    _fail(client, person.email, 3)
    response = _login(client, person.email, PASSWORD)
    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_lockout_ends_after_the_window(client, person, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    settings.LOGIN_LOCKOUT_SECONDS = 900
    _fail(client, person.email, 3)
    clock[0] += 899
    assert _login(client, person.email, PASSWORD).status_code == 429
    clock[0] += 2
    response = _login(client, person.email, PASSWORD)
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(person.pk)


def test_failures_spread_beyond_the_window_do_not_lock(client, person, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    settings.LOGIN_LOCKOUT_SECONDS = 900
    _fail(client, person.email, 2)
    clock[0] += 2 * 900
    _fail(client, person.email, 1)
    assert _login(client, person.email, PASSWORD).status_code == 302


def test_email_lockout_applies_from_every_address(client, person, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    _fail(client, person.email, 3, ip="192.0.2.10")
    assert _login(client, person.email, PASSWORD, ip="198.51.100.7").status_code == 429


def test_ip_spraying_many_accounts_is_locked_out(client, person, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    for index in range(3):
        _login(client, f"inconnu{index}@exemple.org", "devine", ip="203.0.113.5")
    assert _login(client, person.email, PASSWORD, ip="203.0.113.5").status_code == 429
    assert _login(client, person.email, PASSWORD, ip="192.0.2.99").status_code == 302


def test_successful_login_forgets_earlier_failures(client, person, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    _fail(client, person.email, 2, ip="192.0.2.1")
    _login(client, person.email, PASSWORD, ip="192.0.2.2")
    client.logout()
    _fail(client, person.email, 2, ip="192.0.2.3")
    assert _login(client, person.email, PASSWORD, ip="192.0.2.4").status_code == 302


def test_lockout_also_guards_the_django_admin_login(client, settings, clock, db):
    staff = UserFactory(email="equipe@exemple.org", is_staff=True, is_superuser=True)
    settings.LOGIN_MAX_FAILURES = 3
    _fail(client, staff.email, 3)
    client.post(
        "/django-admin/login/",
        {"username": staff.email, "password": PASSWORD},
        REMOTE_ADDR="1.2.3.4",
    )
    assert SESSION_KEY not in client.session


def test_deactivated_user_is_logged_out_on_the_next_request(client, person):
    assert _login(client, person.email, PASSWORD).status_code == 302
    person.is_active = False
    person.save(update_fields=["is_active"])
    request = RequestFactory().get("/extranet/")
    request.session = client.session
    assert get_user(request).is_anonymous
    response = client.get(LOGIN_URL)  # would redirect a logged-in user away
    assert response.status_code == 200
    assert not response.context["user"].is_authenticated


def test_deactivated_user_cannot_log_in(client, person):
    person.is_active = False
    person.save(update_fields=["is_active"])
    response = _login(client, person.email, PASSWORD)
    assert response.status_code == 200
    assert SESSION_KEY not in client.session


def test_logout_needs_a_post_and_shows_a_confirmation_on_get(client, person):
    client.force_login(person)
    response = client.get("/extranet/deconnexion/")
    assert response.status_code == 200 and "Se déconnecter" in response.text
    assert SESSION_KEY in client.session
    response = client.post("/extranet/deconnexion/")
    assert response.status_code == 302
    assert SESSION_KEY not in client.session
