import pytest
from django.contrib.auth import authenticate, get_user_model

pytestmark = pytest.mark.django_db


def test_users_log_in_with_their_email_whatever_its_case():
    User = get_user_model()
    User.objects.create_user("Claire.Martin@Exemple.org", "un-mot-de-passe-solide")
    assert authenticate(email="claire.martin@exemple.org", password="un-mot-de-passe-solide")
    assert authenticate(username="CLAIRE.MARTIN@exemple.org", password="un-mot-de-passe-solide")


def test_email_is_stored_lower_cased_and_unique():
    User = get_user_model()
    user = User.objects.create_user("Formateur@VRL.example", "x")
    assert user.email == "formateur@vrl.example"
    with pytest.raises(Exception):  # noqa: B017 - IntegrityError, whatever the backend
        User.objects.create_user("formateur@vrl.example", "y")


def test_creating_a_user_without_email_is_refused_in_french():
    with pytest.raises(ValueError, match="e-mail est obligatoire"):
        get_user_model().objects.create_user("", "x")


def test_superuser_is_staff_and_superuser():
    admin = get_user_model().objects.create_superuser("admin@exemple.org", "x")
    assert admin.is_staff and admin.is_superuser
