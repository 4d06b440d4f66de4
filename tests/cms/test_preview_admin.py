"""Previewing from the Wagtail admin: built-in templates without an external front; with one
(HEADLESS_PREVIEW_CLIENT_URLS), the front end in an iframe, a link that opens it, and the
"Aperçu sur le site public" button."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Permission
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail_headless_preview.models import PagePreview

from tests.factories import cms as factories
from tests.factories.users import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

FRONT = "https://front.example.org/apercu"


@pytest.fixture
def editor(client):
    client.force_login(StaffFactory())
    return client


@pytest.fixture
def external_front(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": FRONT},
    }


@pytest.fixture
def news(tree):
    page = factories.make_news(tree.news_index, title="Version publiée")
    draft = page.get_latest_revision_as_object()
    draft.title = "Titre du brouillon"
    draft.save_revision()
    return page


def preview_form(title):
    return nested_form_data(
        {
            "title": title,
            "slug": "actualite-en-cours",
            "intro": "Chapô",
            "date": "2024-03-01",
            "body": streamfield([("paragraph", rich_text("<p>Texte en cours d'écriture</p>"))]),
        }
    )


def token_of(url):
    query = parse_qs(urlsplit(url).query)
    return query["content_type"][0], query["token"][0]


def test_without_external_front_the_draft_preview_uses_the_built_in_template(editor, news):
    response = editor.get(f"/admin/pages/{news.pk}/view_draft/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Titre du brouillon" in html
    assert '<html lang="fr"' in html
    assert "<iframe" not in html


def test_without_external_front_the_editor_preview_panel_renders_unsaved_changes(editor, news):
    url = f"/admin/pages/{news.pk}/edit/preview/"

    posted = editor.post(url, preview_form("Modification non enregistrée"))
    response = editor.get(url, {"mode": "", "in_preview_panel": "true"})

    assert posted.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    html = response.content.decode()
    assert "Modification non enregistrée" in html
    assert "Texte en cours d" in html


def test_with_external_front_the_preview_frames_it_with_a_working_token(
    editor, news, external_front, client
):
    url = f"/admin/pages/{news.pk}/edit/preview/"
    editor.post(url, preview_form("Modification non enregistrée"))

    response = editor.get(url, {"mode": "", "in_preview_panel": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<iframe src="{FRONT}/?content_type=cms.newspage&amp;token=' in html
    assert "Ouvrir l'aperçu dans un nouvel onglet" in html
    frame_url = html.split('<iframe src="', 1)[1].split('"', 1)[0].replace("&amp;", "&")
    content_type, token = token_of(frame_url)
    client.logout()
    api = client.get("/api/v2/page_preview/", {"content_type": content_type, "token": token})
    assert api.status_code == 200
    assert api.json()["title"] == "Modification non enregistrée"


def test_external_preview_button_shows_only_when_a_front_is_configured(editor, news, settings):
    edit_url = f"/admin/pages/{news.pk}/edit/"
    button_url = f"/admin/apercu-public/{news.pk}/"

    assert button_url not in editor.get(edit_url).content.decode()

    settings.WAGTAIL_HEADLESS_PREVIEW = {
        **settings.WAGTAIL_HEADLESS_PREVIEW,
        "CLIENT_URLS": {"default": FRONT},
    }
    html = editor.get(edit_url).content.decode()
    assert button_url in html
    assert "Aperçu sur le site public" in html


def test_external_preview_link_opens_the_latest_revision_in_the_front(
    editor, news, external_front, client
):
    response = editor.get(f"/admin/apercu-public/{news.pk}/")

    assert response.status_code == 302
    assert response["Location"].startswith(f"{FRONT}/?content_type=cms.newspage&token=")
    content_type, token = token_of(response["Location"])
    client.logout()
    api = client.get("/api/v2/page_preview/", {"content_type": content_type, "token": token})
    assert api.json()["title"] == "Titre du brouillon"


def test_external_preview_link_is_404_without_a_front(editor, news):
    assert editor.get(f"/admin/apercu-public/{news.pk}/").status_code == 404


def test_external_preview_link_is_refused_to_users_who_cannot_edit(client, news, external_front):
    """An admin user without any right on the page gets no preview token."""
    outsider = UserFactory()
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(outsider)

    response = client.get(f"/admin/apercu-public/{news.pk}/")

    assert response.status_code in (302, 403)
    assert FRONT not in response.get("Location", "")
    assert not PagePreview.objects.exists()


def test_external_preview_link_sends_anonymous_visitors_to_log_in(client, news, external_front):
    response = client.get(f"/admin/apercu-public/{news.pk}/")

    assert response.status_code == 302
    assert FRONT not in response["Location"]
