"""The documents admin loads for staff and offers no upload that would bypass the checks."""

import pytest
from django.urls import reverse

from tests.factories.extranet import make_document

pytestmark = pytest.mark.django_db


def test_document_pages_load_and_adding_is_disabled(client, staff, space, member):
    document = make_document(space, member)
    client.force_login(staff)
    assert client.get(reverse("admin:documents_extranet_document_changelist")).status_code == 200
    change = reverse("admin:documents_extranet_document_change", args=[document.pk])
    assert client.get(change).status_code == 200
    assert client.get(reverse("admin:documents_extranet_document_add")).status_code == 403
    assert client.get(reverse("admin:documents_extranet_folder_changelist")).status_code == 200
