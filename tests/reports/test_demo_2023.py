"""On the demo, ``activity_report --year 2023`` reproduces the 2023 report's table of networks.

The expected figures are copied from the report itself (seeds/003, each network's "N membres -
N rencontres pour N participations" line), not from the demo's code, so the test fails if either
the demo's history or the report's rules drift. Seeded once for the module, inside a transaction
rolled back at the end.
"""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from cms.demo.seed import seed_taxonomies
from extranet.demo.seed import seed_extranet

# space slug: (members, meetings, participations), as printed in the 2023 report.
REPORT_2023 = {
    # "47 membres - 4 rencontres pour 42 participations"
    "chefs-de-projet-contrats-de-ville": (47, 4, 42),
    # "9 membres - 3 rencontres pour 21 participations"
    "chefs-de-projet-npnru": (9, 3, 21),
    # "40 membres - 3 rencontres pour 26 participations"
    "coordonnateurs-pre": (40, 3, 26),
    # "39 membres - 4 rencontres pour 53 participations"
    "referents-pre": (39, 4, 53),
    # "1 réseau regroupant 40 membres, 5 rencontres pour 66 participations"
    "reseau-peps": (40, 5, 66),
    # "Trois rencontres des ESAT pour 20 participations", "34 structures"
    "reseau-esat": (34, 3, 20),
}
# "Animation du réseau VRL Occitanie (250 membres)", "3 réunions régionales et 9 réunions
# départementales"; its participations are not printed (see the totals below).
VRL = ("forum-vrl-occitanie", 250, 12)
# "34 rencontres de réseaux réalisées", "347 participations".
ALL_NETWORKS = (34, 347)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def report_2023(django_db_setup, django_db_blocker, tmp_path_factory):
    storage = tmp_path_factory.mktemp("seed-history")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=storage / "media", PRIVATE_MEDIA_ROOT=storage / "private"),
        transaction.atomic(),
    ):
        from extranet.spaces.models import Space

        seed_taxonomies()
        seed_extranet()
        seed_extranet()  # a second run must not add to the history
        names = dict(Space.objects.values_list("slug", "name"))
        out = io.StringIO()
        call_command("activity_report", year="2023", fmt="json", stdout=out)
        as_json = json.loads(out.getvalue())
        out = io.StringIO()
        call_command("activity_report", year="2023", fmt="csv", separator=";", stdout=out)
        yield {"names": names, "json": as_json, "csv": out.getvalue()}
        transaction.set_rollback(True)


def rows_by_space(report):
    return {row["space"]: row["figures"] for row in report["json"]["networks"]}


@pytest.mark.parametrize("slug", sorted(REPORT_2023))
def test_each_network_row_is_the_reports(report_2023, slug):
    figures = rows_by_space(report_2023)[report_2023["names"][slug]]
    members, meetings, participations = REPORT_2023[slug]
    assert (figures["members"], figures["meetings"], figures["participations"]) == (
        members,
        meetings,
        participations,
    )


def test_the_vrl_row_is_the_reports(report_2023):
    slug, members, meetings = VRL
    figures = rows_by_space(report_2023)[report_2023["names"][slug]]
    assert (figures["members"], figures["meetings"]) == (members, meetings)


def test_the_totals_are_the_reports_34_meetings_and_347_participations(report_2023):
    totals = report_2023["json"]["network_totals"]
    assert (totals["meetings"], totals["participations"]) == ALL_NETWORKS


def test_the_pre_coordinators_welcomed_5_new_members(report_2023):
    # "cette année 5 coordonnateur·rice·s ont été inscrit·e·s"
    figures = rows_by_space(report_2023)[report_2023["names"]["coordonnateurs-pre"]]
    assert figures["new_members"] == 5


def test_every_2023_meeting_has_its_attendance_recorded(report_2023):
    assert report_2023["json"]["network_totals"]["meetings_without_attendance"] == 0


def test_the_csv_for_spreadsheets_has_the_same_figures(report_2023):
    text = report_2023["csv"]
    assert text.startswith("\ufeff")
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    headers = lines[1]
    assert headers[:6] == [
        "Espace",
        "Réseau",
        "Membres au 31 décembre",
        "Nouveaux membres",
        "Rencontres",
        "Participations",
    ]
    peps = next(line for line in lines if line[0] == report_2023["names"]["reseau-peps"])
    assert peps[2] == "40" and peps[4] == "5" and peps[5] == "66"


def test_the_export_holds_no_personal_data(report_2023):
    from extranet.demo import content

    text = json.dumps(report_2023["json"], ensure_ascii=False) + report_2023["csv"]
    assert "@" not in text
    for people in content.members_by_space().values():
        for person in people[:20]:
            assert person.full_name not in text
