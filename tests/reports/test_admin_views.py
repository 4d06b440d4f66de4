"""The activity report in the Wagtail admin: one dedicated permission, tables, charts drawn on
the server, a printable page and downloads of counts only."""

from datetime import datetime, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from extranet.meetings.models import Meeting
from reports.charts import Bar, bar_chart
from tests.factories.extranet import MeetingFactory, MembershipFactory, SpaceFactory
from tests.factories.users import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("reports:activity_report")
PRINT = reverse("reports:activity_report_print")


def export(fmt):
    return reverse("reports:activity_report_export", args=[fmt])


def admin_user(*codenames, email):
    user = UserFactory(email=email, is_staff=True)
    group = Group.objects.create(name=f"Groupe {email}")
    group.permissions.set(Permission.objects.filter(codename__in=codenames))
    user.groups.add(group)
    return user


@pytest.fixture
def reader(client):
    user = admin_user("access_admin", "view_activity_report", email="bilan@exemple.org")
    client.force_login(user)
    return user


@pytest.fixture
def activity():
    """A network space with 2 members and one meeting of 9 participations in 2023."""
    space = SpaceFactory(name="Réseau PEP'S <coordonnateur·rice·s>", slug="peps")
    for _ in range(2):
        MembershipFactory(space=space, joined_at=timezone.make_aware(datetime(2023, 2, 1)))
    start = timezone.make_aware(datetime(2023, 5, 4, 9, 30))
    meeting = MeetingFactory(space=space, starts_at=start, ends_at=start + timedelta(hours=3))
    Meeting.objects.filter(pk=meeting.pk).update(
        attendance_recorded_at=start, participation_count=9
    )
    return space


@pytest.mark.parametrize("url", [REPORT, PRINT, export("csv")])
def test_an_editor_without_the_permission_is_refused(client, url, activity):
    """Wagtail's rule for a refused admin page: back to the dashboard, with a message."""
    client.force_login(admin_user("access_admin", email="redac@exemple.org"))
    response = client.get(url, {"annee": "2023"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


def test_the_menu_item_is_shown_only_to_those_allowed(client, reader):
    assert REPORT in client.get(reverse("wagtailadmin_home")).text
    client.force_login(admin_user("access_admin", email="redac@exemple.org"))
    assert REPORT not in client.get(reverse("wagtailadmin_home")).text


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(REPORT)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_permission_is_offered_in_the_group_settings(client):
    client.force_login(StaffFactory(email="admin@exemple.org"))
    group = Group.objects.create(name="Direction")
    permission = Permission.objects.get(codename="view_activity_report")
    response = client.get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    assert permission in response.context["form"].fields["permissions"].queryset


def test_the_report_shows_the_tables_and_the_charts(client, reader, activity):
    response = client.get(REPORT, {"annee": "2023"})
    assert response.status_code == 200
    page = response.text
    assert "Réseaux en 2023" in page
    assert "Réseau PEP&#x27;S &lt;coordonnateur·rice·s&gt;" in page  # escaped
    # Members, meetings, participations per network; no page published: no field chart.
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" class="report-chart"') == 3
    assert "<script src=" not in page.split("</header>")[-1]


def test_an_invalid_year_is_explained_in_french(client, reader):
    response = client.get(REPORT, {"annee": "3000"})
    assert response.status_code == 200
    assert "Année invalide : « 3000 »" in response.text


def test_the_printable_page_stands_alone(client, reader, activity):
    response = client.get(PRINT, {"annee": "2023"})
    assert response.status_code == 200
    assert "<h1>Bilan d'activité 2023</h1>" in response.text
    assert "activity_report.css" in response.text
    assert "wagtailadmin" not in response.text  # no admin chrome on paper
    assert "http://" not in response.text.replace("http://www.w3.org/2000/svg", "")


def test_the_csv_download_for_spreadsheets(client, reader, activity):
    response = client.get(export("csv"), {"annee": "2023", "separateur": ";"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="bilan-activite-2023-tableur.csv"'
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffRéseaux – 2023")
    assert ";9;" in text


def test_the_json_download_without_comparison(client, reader, activity):
    response = client.get(export("json"), {"annee": "2023", "comparer": "0"})
    data = response.json()
    assert data["previous_year"] is None
    assert data["network_totals"]["participations"] == 9


def test_a_download_with_an_invalid_year_is_a_bad_request(client, reader):
    response = client.get(export("md"), {"annee": "deux-mille"})
    assert response.status_code == 400
    assert "Année invalide" in response.content.decode()


def test_the_download_holds_no_personal_data(client, reader, activity):
    member = activity.memberships.first().user
    text = client.get(export("json"), {"annee": "2023"}).content.decode()
    assert member.email not in text and member.last_name not in text


def test_charts_escape_their_labels_and_scale_to_the_largest_value():
    svg = bar_chart(
        "Participations <par> réseau",
        [Bar("<script>alert(1)</script>", 10, 5), Bar("ESAT", 20, 0)],
        year=2023,
        previous_year=2022,
    )
    assert "<script>" not in svg
    assert "&lt;script&gt;" in svg
    assert 'width="380.0"' in svg  # the largest bar fills the area
    assert 'width="190.0"' in svg
    assert "<title>Participations &lt;par&gt; réseau</title>" in svg
