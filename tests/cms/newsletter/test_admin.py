"""The Flash Info in the admin: subscribers' list, preview, test send, send with progress and
log; all behind the send permission."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.utils import timezone

from cms.newsletter.models import Mailing, Subscriber
from tests.factories import cms as factories
from tests.factories.users import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def issue(tree):
    return factories.make_newsletter_issue(tree.newsletter_index, title="Numéro de juin", number=7)


@pytest.fixture
def staff_client(client, db):
    client.force_login(StaffFactory(email="com@exemple.org"))
    return client


def test_subscribers_are_listed_in_the_admin(staff_client):
    Subscriber.objects.create(email="camille@exemple.org", status=Subscriber.Status.CONFIRMED)
    response = staff_client.get("/admin/flash_info_abonnes/")
    assert response.status_code == 200
    assert "camille@exemple.org" in response.content.decode()


def test_nobody_adds_a_subscriber_by_hand(staff_client):
    # Wagtail answers a refused admin page with a redirect to the dashboard and a message.
    response = staff_client.get("/admin/flash_info_abonnes/new/")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    response = staff_client.post("/admin/flash_info_abonnes/new/", {"status": "confirmed"})
    assert not Subscriber.objects.exists()
    listing = staff_client.get("/admin/flash_info_abonnes/").content.decode()
    assert "/admin/flash_info_abonnes/new/" not in listing


def test_the_send_page_previews_the_email_and_offers_a_test_send(staff_client, issue):
    response = staff_client.get(f"/admin/flash-info/numero/{issue.pk}/envoyer/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"/admin/flash-info/numero/{issue.pk}/apercu/" in html
    preview = staff_client.get(f"/admin/flash-info/numero/{issue.pk}/apercu/")
    assert preview.status_code == 200
    assert "Numéro de juin" in preview.content.decode()


def test_the_test_send_goes_to_the_staff_member(staff_client, issue):
    response = staff_client.post(
        f"/admin/flash-info/numero/{issue.pk}/envoyer/", {"action": "test"}
    )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["com@exemple.org"]]


def test_sending_needs_the_confirmation_box(staff_client, issue):
    Subscriber.objects.create(email="a@exemple.org", status=Subscriber.Status.CONFIRMED)
    staff_client.post(f"/admin/flash-info/numero/{issue.pk}/envoyer/", {"action": "send"})
    assert not Mailing.objects.exists() and not mail.outbox


def test_sending_leads_to_the_progress_and_log_page(staff_client, issue):
    Subscriber.objects.create(
        email="a@exemple.org", status=Subscriber.Status.CONFIRMED, confirmed_at=timezone.now()
    )
    response = staff_client.post(
        f"/admin/flash-info/numero/{issue.pk}/envoyer/", {"action": "send", "confirm": "yes"}
    )
    mailing = Mailing.objects.get()
    assert response["Location"] == f"/admin/flash-info/envois/{mailing.pk}/"
    page = staff_client.get(response["Location"]).content.decode()
    assert "a@exemple.org" in page and "envoyé" in page
    progress = staff_client.get(f"/admin/flash-info/envois/{mailing.pk}/progression/").json()
    assert progress == {
        "status": "done",
        "status_label": "envoyé",
        "recipients": 1,
        "sent": 1,
        "failed": 0,
        "skipped": 0,
        "percent": 100,
    }
    assert "Numéro de juin" in staff_client.get("/admin/flash-info/envois/").content.decode()


def test_the_page_header_offers_the_send_button_on_issues(staff_client, issue):
    html = staff_client.get(f"/admin/pages/{issue.pk}/edit/").content.decode()
    assert f"/admin/flash-info/numero/{issue.pk}/envoyer/" in html


@pytest.mark.parametrize(
    "url",
    [
        "/admin/flash-info/envois/",
        "/admin/flash-info/numero/{pk}/envoyer/",
        "/admin/flash-info/numero/{pk}/apercu/",
    ],
)
def test_editors_without_the_send_permission_are_refused(client, issue, url):
    editor = UserFactory(email="redaction@exemple.org", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get(url.format(pk=issue.pk))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == "/admin/"
