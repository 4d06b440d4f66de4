"""API tokens: obtained with e-mail and password under the login rate limiting, used in the
Authorization header, refused for deactivated accounts, revocable; sessions need CSRF."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from extranet.accounts import lockout
from tests.factories.users import UserFactory

from .conftest import api_url

PASSWORD = "motdepasse-de-test"
TOKEN_URL = "/api/extranet/auth/token/"


@pytest.fixture
def clock(monkeypatch):
    """Move the lock-out clock instead of sleeping."""
    now = [1_000_000.0]
    monkeypatch.setattr(lockout, "clock", lambda: now[0])
    return now


def _obtain(email, password, ip="192.0.2.10"):
    return APIClient().post(
        TOKEN_URL, {"email": email, "password": password}, format="json", REMOTE_ADDR=ip
    )


def test_token_url_is_the_documented_one():
    assert api_url("auth-token") == TOKEN_URL


def test_member_obtains_a_token_with_email_in_any_case_and_uses_it(member, space):
    response = _obtain("Membre@Exemple.org", PASSWORD)
    assert response.status_code == 200
    token = response.json()["token"]
    assert Token.objects.get(key=token).user == member
    member.refresh_from_db()
    assert member.last_login is not None

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    response = client.get(api_url("space-list"))
    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["results"]] == [space.slug]


def test_obtaining_twice_gives_the_same_token(member):
    assert _obtain(member.email, PASSWORD).json() == _obtain(member.email, PASSWORD).json()


def test_wrong_password_is_a_french_400(member):
    response = _obtain(member.email, "mauvais")
    assert response.status_code == 400
    message = response.json()["non_field_errors"][0]
    assert message.startswith("Adresse e-mail ou mot de passe incorrect.")
    assert not Token.objects.filter(user=member).exists()


def test_missing_credentials_are_field_errors():
    response = APIClient().post(TOKEN_URL, {}, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"email", "password"}


def test_repeated_failures_lock_out_even_the_right_password(member, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(2):
        assert _obtain(member.email, "mauvais").status_code == 400
    response = _obtain(member.email, "mauvais")
    assert response.status_code == 429
    assert response.json()["detail"] == lockout.lockout_message()
    response = _obtain(member.email, PASSWORD)
    assert response.status_code == 429
    assert not Token.objects.filter(user=member).exists()

    clock[0] += settings.LOGIN_LOCKOUT_SECONDS + 1
    assert _obtain(member.email, PASSWORD).status_code == 200


def test_one_address_spraying_accounts_is_locked_out(settings, clock, db):
    settings.LOGIN_MAX_FAILURES = 3
    for number in range(3):
        _obtain(f"inconnu{number}@exemple.org", "devine", ip="198.51.100.7")
    victim = UserFactory(email="victime@exemple.org")
    assert _obtain(victim.email, PASSWORD, ip="198.51.100.7").status_code == 429
    assert _obtain(victim.email, PASSWORD, ip="203.0.113.5").status_code == 200


def test_failures_on_the_web_login_count_for_the_api(client, member, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    for _ in range(3):
        client.post(
            "/extranet/connexion/",
            {"username": member.email, "password": "mauvais"},
            REMOTE_ADDR="192.0.2.99",
        )
    assert _obtain(member.email, PASSWORD).status_code == 429


def test_success_forgets_earlier_failures_of_the_address(member, settings, clock):
    settings.LOGIN_MAX_FAILURES = 3
    _obtain(member.email, "mauvais", ip="192.0.2.1")
    _obtain(member.email, "mauvais", ip="192.0.2.2")
    assert _obtain(member.email, PASSWORD, ip="192.0.2.3").status_code == 200
    _obtain(member.email, "mauvais", ip="192.0.2.4")
    _obtain(member.email, "mauvais", ip="192.0.2.5")
    assert _obtain(member.email, PASSWORD, ip="192.0.2.6").status_code == 200


def test_deactivated_account_gets_no_token(inactive_member):
    response = _obtain(inactive_member.email, PASSWORD)
    assert response.status_code == 400
    assert not Token.objects.filter(user=inactive_member).exists()


def test_deactivating_an_account_stops_its_token_on_the_next_request(member, as_user, space):
    client = as_user(member)
    assert client.get(api_url("space-detail", space)).status_code == 200
    member.is_active = False
    member.save(update_fields=["is_active"])
    response = client.get(api_url("space-detail", space))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_revoking_the_token_ends_its_use(member, as_user, space):
    client = as_user(member)
    assert client.delete(TOKEN_URL).status_code == 204
    assert not Token.objects.filter(user=member).exists()
    assert client.get(api_url("space-list")).status_code == 401


def test_unknown_or_malformed_tokens_are_401(db):
    for header in ["Token inconnu", "Token", "Token a b"]:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=header)
        response = client.get(api_url("space-list"))
        assert response.status_code == 401, header
        assert isinstance(response.json()["detail"], str)


def test_anonymous_requests_are_401_with_the_token_challenge(db):
    response = APIClient().get(api_url("space-list"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_session_authentication_works_and_writes_need_the_csrf_token(member, space):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(member)
    assert client.get(api_url("space-detail", space)).status_code == 200
    response = client.post(
        api_url("topic-list", space), {"title": "Sans CSRF", "body": "Non"}, format="json"
    )
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_deactivated_account_session_is_not_authenticated(inactive_member, space):
    client = APIClient()
    client.force_login(inactive_member)
    assert client.get(api_url("space-detail", space)).status_code == 401
