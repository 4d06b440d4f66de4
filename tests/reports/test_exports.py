"""CSV, JSON and Markdown of a hand-built report (no database), and the command's options."""

import csv
import io
import json
from datetime import datetime

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from reports.exports import to_csv, to_json, to_markdown
from reports.report import ActivityReport, Row, YearFigures


def year(number, peps_meetings, peps_participations):
    networks = [
        Row(
            1,
            "Réseau PEP'S | CLSPD",
            {"members": 40, "meetings": peps_meetings, "participations": peps_participations},
            "PEP'S",
        ),
        Row(2, "Réseau des ESAT", {"members": 34, "meetings": 3, "participations": 20}, "ESAT"),
    ]
    fields = [Row(7, "Éducation", {"news": 12, "publications_vademecum": 1})]
    return YearFigures(
        number,
        networks,
        {"members": 74, "meetings": 3 + peps_meetings, "participations": 20 + peps_participations},
        fields,
        {"news": 12, "publications_vademecum": 1},
    )


@pytest.fixture
def report():
    return ActivityReport(
        current=year(2023, 5, 66),
        previous=year(2022, 4, 60),
        computed_at=timezone.make_aware(datetime(2024, 1, 15, 9)),
    )


def parse(text, separator):
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=separator))


def test_csv_has_french_headers_and_both_tables(report):
    lines = parse(to_csv(report), ",")
    assert lines[0] == ["Réseaux – 2023"]
    assert lines[1][:4] == [
        "Espace",
        "Réseau",
        "Membres au 31 décembre",
        "Membres au 31 décembre (2022)",
    ]
    assert ["Champs d'intervention – 2023"] in lines
    assert any(line[:2] == ["Champ d'intervention", "Actualités"] for line in lines)


def test_csv_rows_hold_the_year_and_the_year_before(report):
    lines = parse(to_csv(report), ",")
    headers = lines[1]
    peps = next(line for line in lines if line[0] == "Réseau PEP'S | CLSPD")
    assert peps[headers.index("Participations")] == "66"
    assert peps[headers.index("Participations (2022)")] == "60"
    total = next(line for line in lines if line[0] == "Total")
    assert total[headers.index("Rencontres")] == "8"


def test_csv_for_spreadsheets_uses_semicolons_and_a_byte_order_mark(report):
    text = to_csv(report, ";")
    assert text.startswith("\ufeff")
    assert parse(text, ";")[1][0:2] == ["Espace", "Réseau"]
    assert not to_csv(report, ",").startswith("\ufeff")


def test_csv_refuses_an_unknown_separator(report):
    with pytest.raises(ValueError):
        to_csv(report, "\t")


def test_json_holds_figures_labels_and_the_year_before(report):
    data = json.loads(to_json(report))
    assert data["year"] == 2023
    assert data["networks"][0] == {
        "space": "Réseau PEP'S | CLSPD",
        "network": "PEP'S",
        "figures": {"members": 40, "meetings": 5, "participations": 66},
    }
    assert data["labels"]["participations"] == "Participations"
    assert data["previous_year"]["year"] == 2022


def test_markdown_shows_the_evolution_and_escapes_pipes(report):
    text = to_markdown(report)
    assert text.startswith("# Bilan d'activité 2023")
    assert "Réseau PEP'S \\| CLSPD" in text
    assert "66 (+10 %)" in text
    assert "Entre parenthèses : l'évolution par rapport à 2022." in text


def test_markdown_without_comparison_has_plain_figures(report):
    report.previous = None
    text = to_markdown(report)
    assert "| 66 |" in text
    assert "évolution" not in text


@pytest.mark.django_db
def test_the_command_writes_the_format_asked(tmp_path):
    target = tmp_path / "bilan.csv"
    call_command("activity_report", year="2023", fmt="csv", separator=";", output=str(target))
    assert target.read_text(encoding="utf-8").startswith("\ufeffRéseaux – 2023")
    out = io.StringIO()
    call_command("activity_report", year="2023", fmt="json", stdout=out)
    assert json.loads(out.getvalue())["year"] == 2023


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["deux-mille", "1999", "2999"])
def test_the_command_refuses_an_invalid_year_in_french(bad):
    with pytest.raises(CommandError, match="Année invalide"):
        call_command("activity_report", year=bad)
