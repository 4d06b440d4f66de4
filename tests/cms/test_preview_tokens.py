"""Preview tokens (cms.preview.tokens) and /api/v2/page_preview/: a token opens one snapshot of
one revision, for at most PREVIEW_TOKEN_MAX_AGE seconds (an hour at most); a forged, altered
or unknown token is a 404, an expired one a 403."""

import time

import pytest
from django.core import signing
from wagtail_headless_preview.models import PagePreview

from cms.models import NewsPage
from cms.preview import tokens
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db

PREVIEW = "/api/v2/page_preview/"


def preview(client, token, content_type="cms.newspage"):
    return client.get(PREVIEW, {"content_type": content_type, "token": token})


def save_draft(page, **changes):
    """A new, unpublished revision of ``page`` with ``changes``; returns the revision."""
    draft = page.get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(draft, name, value)
    return draft.save_revision()


@pytest.fixture
def news(tree):
    return factories.make_news(tree.news_index, title="Version publiée")


def token_for(revision):
    return tokens.issue_preview(revision.as_object(), revision=revision).token


class FakeClock:
    """Stands for the ``time`` module inside ``django.core.signing`` only."""

    def __init__(self, offset):
        self.offset = offset

    def time(self):
        return time.time() + self.offset


def later(monkeypatch, seconds):
    monkeypatch.setattr(signing, "time", FakeClock(seconds))


def test_valid_token_returns_the_draft_in_the_api_shape(client, news):
    revision = save_draft(news, title="Version en relecture", intro="Chapô du brouillon")

    response = preview(client, token_for(revision))

    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["title"]) == (news.pk, "Version en relecture")
    assert data["intro"] == "Chapô du brouillon"
    assert data["meta"]["type"] == "cms.NewsPage"
    assert "body" in data and "themes" in data
    # The public API still shows the published version.
    assert client.get(f"/api/v2/pages/{news.pk}/").json()["title"] == "Version publiée"


def test_token_of_a_never_published_page_opens_its_draft(client, tree):
    draft = factories.make_news(tree.news_index, title="Jamais publiée", publish=False)

    response = preview(client, token_for(draft.latest_revision))

    assert response.status_code == 200
    assert response.json()["title"] == "Jamais publiée"
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_token_for_revision_a_never_returns_revision_b(client, news):
    revision_a = save_draft(news, title="Révision A")
    token_a = token_for(revision_a)
    revision_b = save_draft(news, title="Révision B")
    token_b = token_for(revision_b)

    assert preview(client, token_a).json()["title"] == "Révision A"
    assert preview(client, token_b).json()["title"] == "Révision B"
    assert tokens.read_token(token_a)["rev"] == revision_a.pk
    assert tokens.read_token(token_b)["rev"] == revision_b.pk


def test_each_preview_gets_its_own_token(news):
    revision = news.latest_revision

    assert token_for(revision) != token_for(revision)


def test_expired_token_is_refused_with_403(client, news, monkeypatch, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 600
    token = token_for(save_draft(news, title="Brouillon"))

    later(monkeypatch, 599)
    assert preview(client, token).status_code == 200
    later(monkeypatch, 601)
    response = preview(client, token)

    assert response.status_code == 403
    assert "expiré" in response.json()["message"]
    assert "Brouillon" not in response.content.decode()


def test_token_age_is_capped_at_one_hour_whatever_the_setting(client, news, monkeypatch, settings):
    settings.PREVIEW_TOKEN_MAX_AGE = 7 * 24 * 3600
    token = token_for(news.latest_revision)

    later(monkeypatch, 3601)

    assert preview(client, token).status_code == 403


def test_random_token_is_404(client, news):
    response = preview(client, "pas-un-jeton")

    assert response.status_code == 404
    assert set(response.json()) == {"message"}


def test_altered_token_is_404(client, news):
    token = token_for(save_draft(news, title="Brouillon"))
    payload, rest = token.split(":", 1)
    altered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + ":" + rest

    assert preview(client, altered).status_code == 404


def test_token_forged_with_the_packages_own_signer_is_404(client, news):
    """The package signs ``id=<pk>`` with its own salt; such a token opens nothing here."""
    forged = signing.TimestampSigner(salt="headlesspreview.token").sign(f"id={news.pk}")
    PagePreview.objects.create(
        token=forged, content_type=news.content_type, content_json=news.to_json()
    )

    assert preview(client, forged).status_code == 404


def test_token_signed_with_another_secret_key_is_404(client, news):
    genuine = tokens.read_token(token_for(news.latest_revision))
    forged = signing.TimestampSigner(key="une-autre-clé", salt=tokens.SALT).sign_object(genuine)

    assert preview(client, forged).status_code == 404


def test_token_used_with_another_content_type_is_404(client, news):
    token = token_for(news.latest_revision)

    assert preview(client, token, content_type="cms.eventpage").status_code == 404
    assert preview(client, token, content_type="cms.inconnu").status_code == 404


def test_token_whose_snapshot_was_deleted_is_404(client, news):
    token = token_for(news.latest_revision)
    PagePreview.objects.filter(token=token).delete()

    assert preview(client, token).status_code == 404


def test_preview_of_a_page_being_created_has_no_id_but_its_content(client, tree):
    page = NewsPage(title="Nouvelle actualité", slug="nouvelle-actualite", intro="Bientôt")
    # What Wagtail's "preview on create" builds: an unsaved page placed under its parent.
    page.depth = tree.news_index.depth + 1
    page.path = page._get_path(tree.news_index.path, page.depth, 99)
    page.set_url_path(tree.news_index)

    response = preview(client, tokens.issue_preview(page).token)

    assert response.status_code == 200
    data = response.json()
    assert (data["id"], data["title"], data["intro"]) == (None, "Nouvelle actualité", "Bientôt")
    assert "detail_url" not in data["meta"]
    assert data["meta"]["parent"]["id"] == tree.news_index.pk
