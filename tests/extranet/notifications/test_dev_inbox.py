"""The development inbox: the file backend's e-mails listed on a DEBUG-only page."""

import pytest
from django.core.mail import EmailMessage, get_connection
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail_dir(tmp_path, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    settings.ROOT_URLCONF = "portal.urls"
    return tmp_path


def _send(subject, to, headers=None):
    with get_connection() as connection:
        EmailMessage(subject, "Bonjour,\nle texte.", to=[to], headers=headers or {}).send()
        del connection


def test_the_page_lists_the_files_emails_with_their_threading_headers(client, mail_dir):
    _send("Nouveau sujet : Réunion", "camille@exemple.org", {"Message-ID": "<extranet.topic.1@x>"})
    with override_settings(DEBUG=True):
        page = client.get("/_dev/courriels/").content.decode()
    assert "Nouveau sujet : Réunion" in page
    assert "camille@exemple.org" in page
    assert "&lt;extranet.topic.1@x&gt;" in page
    assert "le texte." in page


def test_the_page_is_a_404_without_debug(client, mail_dir):
    _send("Secret", "camille@exemple.org")
    response = client.get("/_dev/courriels/")
    assert response.status_code == 404
    assert "Secret" not in response.content.decode()


def test_development_settings_write_emails_to_files():
    from portal.settings import dev

    assert dev.EMAIL_BACKEND == "django.core.mail.backends.filebased.EmailBackend"
    assert dev.EMAIL_FILE_PATH.endswith("mail")
