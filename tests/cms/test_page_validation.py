"""Validation rules of the page types, with French messages for editors."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cms.models import EventPage, NewsletterIssuePage, PressItem, PublicationPage
from tests.factories import cms as factories

pytestmark = pytest.mark.django_db


# --- press panorama items -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://example.org/article", "mailto:presse@example.org", "example"],
)
def test_press_item_url_must_be_http_or_https(url):
    item = PressItem(title="Article", outlet="Média", url=url)

    with pytest.raises(ValidationError) as error:
        item.full_clean(exclude=["panorama"])

    assert "http:// ou https://" in " ".join(error.value.message_dict["url"])


@pytest.mark.parametrize("url", ["http://example.org/a", "https://presse.example.org/b?x=1"])
def test_press_item_accepts_web_urls(url):
    PressItem(title="Article", outlet="Média", url=url).full_clean(exclude=["panorama"])


def test_brief_source_url_must_be_http_or_https(tree):
    brief = factories.make_brief(tree.blog_index)
    brief.source_url = "javascript:alert(1)"

    with pytest.raises(ValidationError) as error:
        brief.full_clean()

    assert "source_url" in error.value.message_dict


# --- publications ---------------------------------------------------------------------------


def test_publication_number_is_unique_per_kind(tree):
    factories.make_publication(tree.publication_index, kind="confat", number=24, title="n°24")
    duplicate = PublicationPage(title="Autre", slug="autre", kind="confat", number=24)

    with pytest.raises(ValidationError) as error:
        duplicate.clean()

    assert error.value.message_dict["number"] == [
        "Le numéro 24 est déjà utilisé pour « Conf'At » par la page « n°24 »."
    ]


def test_publication_number_clash_counts_drafts(tree):
    factories.make_publication(tree.publication_index, kind="confat", number=25, publish=False)
    duplicate = PublicationPage(title="Autre", slug="autre", kind="confat", number=25)

    with pytest.raises(ValidationError):
        duplicate.clean()


def test_same_number_is_allowed_for_another_kind(tree):
    factories.make_publication(tree.publication_index, kind="confat", number=12)
    sheet = PublicationPage(title="Fiche", slug="fiche", kind="fichexperience", number=12)

    sheet.clean()


def test_publication_keeps_its_own_number_when_edited(tree):
    publication = factories.make_publication(tree.publication_index, kind="confat", number=19)

    publication.clean()


def test_publication_document_must_be_a_pdf(tree):
    publication = factories.make_publication(tree.publication_index)
    publication.document = factories.make_document(filename="tableau.xlsx", content=b"x")

    with pytest.raises(ValidationError) as error:
        publication.clean()

    assert error.value.message_dict["document"] == ["Le document doit être un fichier PDF."]


def test_publication_accepts_a_pdf_document(tree):
    publication = factories.make_publication(tree.publication_index)
    publication.document = factories.make_document(filename="actes.pdf")

    publication.clean()


# --- events ---------------------------------------------------------------------------------


def _event(**fields):
    start = timezone.now()
    return EventPage(title="Rencontre", slug="rencontre", start=start, **fields)


def test_event_end_cannot_precede_its_start():
    event = _event(place="Toulouse")
    event.end = event.start - datetime.timedelta(minutes=1)

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert error.value.message_dict["end"] == [
        "La fin de l'évènement ne peut pas précéder son début."
    ]


def test_event_may_end_when_it_starts():
    event = _event(place="Toulouse")
    event.end = event.start

    event.clean()


def test_event_needs_a_place_or_to_be_online():
    with pytest.raises(ValidationError) as error:
        _event().clean()

    assert "place" in error.value.message_dict
    _event(is_online=True).clean()


def test_event_connection_link_requires_online_flag():
    with pytest.raises(ValidationError) as error:
        _event(place="Montpellier", online_url="https://example.org/visio").clean()

    assert "online_url" in error.value.message_dict


# --- newsletters ----------------------------------------------------------------------------


def test_flash_info_number_is_unique(tree):
    factories.make_newsletter_issue(tree.newsletter_index, number=7)

    with pytest.raises(ValidationError) as error:
        NewsletterIssuePage(title="Flash", slug="flash", number=7).clean()

    assert error.value.message_dict["number"] == ["Le Flash Info n°7 existe déjà."]
