"""The report laid out for templates: rows of cells with the year before and the evolution,
so templates only loop (no lookups by key in the template language)."""

from dataclasses import dataclass

from .report import FIELD_FIGURES, NETWORK_FIGURES, ActivityReport, evolution


@dataclass(frozen=True)
class Cell:
    value: int
    previous: int | None  # None: no comparison asked
    change: str


@dataclass(frozen=True)
class TableRow:
    name: str
    detail: str
    cells: list[Cell]


@dataclass(frozen=True)
class Table:
    title: str
    first_heading: str
    headings: list[str]
    rows: list[TableRow]
    total: TableRow
    comparing: bool


def _cells(figures, keys, previous) -> list[Cell]:
    cells = []
    for key in keys:
        value = figures.get(key, 0)
        old = None if previous is None else previous.get(key, 0)
        cells.append(Cell(value, old, evolution(value, old)))
    return cells


def network_table(report: ActivityReport) -> Table:
    keys = [key for key, _h, _f in NETWORK_FIGURES]
    comparing = report.previous is not None
    rows = [
        TableRow(
            row.name,
            row.detail,
            _cells(row.figures, keys, (old.figures if old else {}) if comparing else None),
        )
        for row, old in report.network_rows()
    ]
    total = TableRow(
        "Total",
        "",
        _cells(
            report.current.network_totals,
            keys,
            report.previous.network_totals if comparing else None,
        ),
    )
    return Table(
        f"Réseaux en {report.year}",
        "Espace (réseau)",
        [heading for _k, heading, _f in NETWORK_FIGURES],
        rows,
        total,
        comparing,
    )


def field_table(report: ActivityReport) -> Table:
    keys = [key for key, _h, _f in FIELD_FIGURES]
    comparing = report.previous is not None
    before = {row.key: row.figures for row in report.previous.fields} if comparing else {}
    rows = [
        TableRow(
            row.name,
            "",
            _cells(row.figures, keys, before.get(row.key, {}) if comparing else None),
        )
        for row in report.current.fields
    ]
    total = TableRow(
        "Total (chaque page une fois)",
        "",
        _cells(
            report.current.field_totals, keys, report.previous.field_totals if comparing else None
        ),
    )
    return Table(
        f"Champs d'intervention en {report.year}",
        "Champ d'intervention",
        [heading for _k, heading, _f in FIELD_FIGURES],
        rows,
        total,
        comparing,
    )
