"""The report as CSV (French headers, "," or ";" for spreadsheets), JSON and Markdown.

Counts only: names of spaces, networks and fields, and numbers. The same three writers serve
``manage.py activity_report`` and the downloads of the Wagtail admin view.
"""

import csv
import io
import json

from .report import FIELD_FIGURES, NETWORK_FIGURES, ActivityReport, Row, evolution

FORMATS = ("csv", "json", "md")
SEPARATORS = (",", ";")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
}
TOTAL = "Total"


def _previous_by_key(rows: list[Row] | None) -> dict:
    return {row.key: row for row in rows or ()}


# --- CSV -----------------------------------------------------------------------------------


def _csv_table(writer, title, first_headings, figures, rows, totals, previous, previous_totals):
    year_before = None if previous is None else previous[0]
    writer.writerow([title])
    headings = list(first_headings)
    for _key, heading, _figure in figures:
        headings.append(heading)
        if year_before is not None:
            headings.append(f"{heading} ({year_before})")
    writer.writerow(headings)
    before = _previous_by_key(previous[1] if previous else None)

    def values(row_figures, old_figures):
        cells = []
        for key, _heading, _figure in figures:
            cells.append(row_figures.get(key, 0))
            if year_before is not None:
                cells.append(old_figures.get(key, 0) if old_figures is not None else 0)
        return cells

    for row, first_cells in rows:
        old = before.get(row.key)
        writer.writerow([*first_cells, *values(row.figures, old.figures if old else None)])
    writer.writerow(
        [TOTAL, *[""] * (len(first_headings) - 1), *values(totals, previous_totals or {})]
    )


def to_csv(report: ActivityReport, separator: str = ",") -> str:
    """Two tables (networks, then fields of intervention), each under a title line and
    separated by an empty line. With ";" (French spreadsheets), a byte-order mark first so that
    spreadsheet software reads the accents as UTF-8."""
    if separator not in SEPARATORS:
        raise ValueError(f"Séparateur inconnu : {separator!r}")
    buffer = io.StringIO()
    if separator == ";":
        buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    current, previous = report.current, report.previous
    _csv_table(
        writer,
        f"Réseaux – {current.year}",
        ["Espace", "Réseau"],
        NETWORK_FIGURES,
        [(row, [row.name, row.detail]) for row, _old in report.network_rows()],
        current.network_totals,
        (previous.year, previous.networks) if previous else None,
        previous.network_totals if previous else None,
    )
    writer.writerow([])
    _csv_table(
        writer,
        f"Champs d'intervention – {current.year}",
        ["Champ d'intervention"],
        FIELD_FIGURES,
        [(row, [row.name]) for row in current.fields],
        current.field_totals,
        (previous.year, previous.fields) if previous else None,
        previous.field_totals if previous else None,
    )
    return buffer.getvalue()


# --- JSON ----------------------------------------------------------------------------------


def _year_json(figures):
    return {
        "year": figures.year,
        "networks": [
            {"space": row.name, "network": row.detail, "figures": row.figures}
            for row in figures.networks
        ],
        "network_totals": figures.network_totals,
        "fields": [{"field": row.name, "figures": row.figures} for row in figures.fields],
        "field_totals": figures.field_totals,
    }


def to_json(report: ActivityReport) -> str:
    data = {
        **_year_json(report.current),
        "computed_at": report.computed_at.isoformat(),
        "labels": {key: heading for key, heading, _f in (*NETWORK_FIGURES, *FIELD_FIGURES)},
        "previous_year": _year_json(report.previous) if report.previous else None,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- Markdown ------------------------------------------------------------------------------


def _md_cell(text) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _md_value(current: int, old: dict | None, key: str) -> str:
    if old is None:
        return str(current)
    change = evolution(current, old.get(key, 0))
    return f"{current} ({change})"


def _md_table(title, first_headings, figures, rows, totals, previous_totals, year_before):
    lines = [f"## {title}", ""]
    headings = [*first_headings, *(heading for _k, heading, _f in figures)]
    lines.append("| " + " | ".join(_md_cell(h) for h in headings) + " |")
    lines.append("|" + "|".join(["---"] * len(first_headings) + ["---:"] * len(figures)) + "|")
    for first_cells, row_figures, old in rows:
        cells = [*first_cells, *(_md_value(row_figures.get(k, 0), old, k) for k, _h, _f in figures)]
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    total_cells = [f"**{TOTAL}**", *[""] * (len(first_headings) - 1)]
    total_cells += [
        f"**{_md_value(totals.get(k, 0), previous_totals, k)}**" for k, _h, _f in figures
    ]
    lines.append("| " + " | ".join(total_cells) + " |")
    if year_before is not None:
        lines += ["", f"Entre parenthèses : l'évolution par rapport à {year_before}."]
    return lines + [""]


def to_markdown(report: ActivityReport) -> str:
    current, previous = report.current, report.previous
    year_before = previous.year if previous else None
    before_fields = _previous_by_key(previous.fields if previous else None)
    lines = [f"# Bilan d'activité {current.year}", ""]
    lines += _md_table(
        f"Réseaux – {current.year}",
        ["Espace", "Réseau"],
        NETWORK_FIGURES,
        [
            (
                [row.name, row.detail],
                row.figures,
                (old.figures if old else {}) if previous else None,
            )
            for row, old in report.network_rows()
        ],
        current.network_totals,
        previous.network_totals if previous else None,
        year_before,
    )
    lines += _md_table(
        f"Champs d'intervention – {current.year}",
        ["Champ d'intervention"],
        FIELD_FIGURES,
        [
            (
                [row.name],
                row.figures,
                (before_fields[row.key].figures if row.key in before_fields else {})
                if previous
                else None,
            )
            for row in current.fields
        ],
        current.field_totals,
        previous.field_totals if previous else None,
        year_before,
    )
    return "\n".join(lines)


def render(report: ActivityReport, fmt: str, separator: str = ",") -> str:
    if fmt == "csv":
        return to_csv(report, separator)
    if fmt == "json":
        return to_json(report)
    if fmt == "md":
        return to_markdown(report)
    raise ValueError(f"Format inconnu : {fmt!r}")
