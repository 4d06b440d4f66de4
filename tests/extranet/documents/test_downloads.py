"""The download response: attachment, safe type, nosniff, and 404 for whoever is not a member."""

from urllib.parse import unquote

import pytest
from django.http import Http404

from extranet.documents.downloads import content_disposition, download_response
from extranet.documents.services import add_version
from tests.factories.extranet import make_document

from .samples import pdf_bytes, upload

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def document(space, member):
    return make_document(space, member, name="Synthèse « PRE » été.pdf", content=pdf_bytes())


def test_member_downloads_the_current_version_as_an_attachment(document, member):
    response = download_response(member, document)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]
    assert body(response) == pdf_bytes()


def test_file_name_is_sent_per_rfc_5987_with_an_ascii_fallback(document, member):
    header = download_response(member, document)["Content-Disposition"]
    assert 'filename="Synthese PRE ete.pdf"' in header
    encoded = header.split("filename*=UTF-8''")[1]
    assert unquote(encoded) == "Synthèse « PRE » été.pdf"
    assert " " not in encoded and '"' not in encoded


def test_quotes_and_backslashes_cannot_break_the_header():
    header = content_disposition('a"b\\c\r\nSet-Cookie: x.pdf')
    assert "\r" not in header and "\n" not in header
    assert header.startswith('attachment; filename="a_b_c')


def test_text_files_are_served_as_plain_text_never_html(space, member):
    document = make_document(space, member, name="notes.txt", content=b"<script>alert(1)</script>")
    response = download_response(member, document)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.parametrize("role", ["anonymous", "outsider", "removed_member", "inactive_member"])
def test_non_members_get_404(request, document, role):
    with pytest.raises(Http404):
        download_response(request.getfixturevalue(role), document)


def test_member_of_another_space_gets_404(document, other_space):
    from tests.factories.extranet import make_member

    with pytest.raises(Http404):
        download_response(make_member(other_space), document)


def test_staff_downloads_anything(document, staff):
    assert download_response(staff, document).status_code == 200


def test_earlier_version_stays_downloadable(document, member):
    first = document.current_version
    add_version(document, member, upload("v2.pdf", pdf_bytes("deuxième")))
    assert body(download_response(member, document, first)) == pdf_bytes()
    assert body(download_response(member, document)) == pdf_bytes("deuxième")


def test_version_of_another_document_is_404(space, document, member):
    other = make_document(space, member, name="autre.pdf")
    with pytest.raises(Http404):
        download_response(member, document, other.current_version)
